using System.Collections.Concurrent;
using System.Diagnostics;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// The built scc.dll run as a separate process with <c>dotnet</c>, in a home of the test's choosing, its output read
/// line by line as it comes. Stopped with SIGINT (as Ctrl+C) by its own process ID.
/// </summary>
internal sealed class SccChild : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly BlockingCollection<string> _stdout = [];
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly List<string> _seen = [];

    public SccChild(string home, params string[] args)
        : this(home, null, args)
    {
    }

    /// <param name="environment">Variables set for this run only (SCC_CRASH_AFTER_APDU …); null for none.</param>
    public SccChild(string home, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        ProcessStartInfo start = StartInfo(home, environment, args);
        start.RedirectStandardInput = true;
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start scc");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _stdout.CompleteAdding();
            }
            else
            {
                _stdout.Add(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                _stderr.Enqueue(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public IReadOnlyList<string> Seen => _seen;

    /// <summary>
    /// `dotnet scc.dll ARGS` in <paramref name="home"/>, stdout and stderr redirected; the card, lock-code and crash-point
    /// variables of the test's own environment are not passed on, only those in <paramref name="environment"/>.
    /// </summary>
    public static ProcessStartInfo StartInfo(string home, IReadOnlyDictionary<string, string>? environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scc.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["SCC_HOME"] = home;
        foreach (string inherited in new[] { "SCC_CARD", "SCC_LOCK_CODE", "SCC_CRASH_BEFORE_APDU", "SCC_CRASH_AFTER_APDU" })
        {
            start.Environment.Remove(inherited);
        }
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return start;
    }

    public string Stderr => string.Join('\n', _stderr);

    /// <summary>Runs scc to the end: exit code, all stdout, all stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string home, params string[] args) => Run(home, null, args);

    /// <summary>Runs scc to the end with <paramref name="environment"/> added: exit code, all stdout, all stderr.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(string home, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        using var child = new SccChild(home, environment, args);
        int code = child.WaitForExit();
        return (code, string.Join('\n', child.Seen), child.Stderr);
    }

    /// <summary>The next stdout line containing <paramref name="text"/> (earlier lines are kept in <see cref="Seen"/>).</summary>
    public string WaitForLine(string text)
    {
        using var timeout = new CancellationTokenSource(Patience);
        try
        {
            foreach (string line in _stdout.GetConsumingEnumerable(timeout.Token))
            {
                _seen.Add(line);
                if (line.Contains(text, StringComparison.Ordinal))
                {
                    return line;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Reported below.
        }
        throw new TimeoutException($"scc printed no line with '{text}'; stdout: {string.Join(" | ", _seen)}; stderr: {Stderr}");
    }

    /// <summary>Ctrl+C, as a person would stop it.</summary>
    public void Interrupt()
    {
        using Process kill = Process.Start("kill", ["-INT", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    public int WaitForExit()
    {
        if (!_process.WaitForExit(Patience))
        {
            throw new TimeoutException($"scc did not end; stderr: {Stderr}");
        }
        _process.WaitForExit();
        foreach (string line in _stdout.GetConsumingEnumerable())
        {
            _seen.Add(line);
        }
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        _stdout.Dispose();
    }
}
