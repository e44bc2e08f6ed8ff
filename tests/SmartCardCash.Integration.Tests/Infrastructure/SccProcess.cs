using System.Collections.Concurrent;
using System.Diagnostics;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// The built scc.dll run as a separate process with `dotnet`, its output read line by line as it comes: on the private
/// pcscd (PCSCLITE_CSOCK_NAME), in a home of the test's choosing (SCC_HOME), or both. The variables that choose a
/// card, a reader, a home, a lock code or a crash point are cleared first, so the developer's own settings cannot
/// change the outcome; only those the test gives are set. Shared by the integration, payment and CLI suites.
/// </summary>
internal sealed class SccProcess : IDisposable
{
    /// <summary>Liveness only: never reached on a healthy run.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private static readonly string[] Inherited =
    [
        "SCC_HOME", "SCC_CARD", "SCC_READER", "SCC_IGNORE_READERS", "PCSCLITE_FILTER_IGNORE_READER_NAMES", "SCC_LOCK_CODE",
        "SCC_CRASH_BEFORE_APDU", "SCC_CRASH_AFTER_APDU",
    ];

    private readonly Process _process;
    private readonly BlockingCollection<string> _stdoutLines = [];
    private readonly ConcurrentQueue<string> _stderrLines = new();
    private readonly List<string> _seen = [];
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Starts <paramref name="start"/> (see <see cref="StartInfo"/>) and reads its output as it comes.</summary>
    public SccProcess(ProcessStartInfo start)
    {
        _process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                // Completed before the signal: Dispose may dispose the collection as soon as the signal is set.
                _stdoutLines.CompleteAdding();
                _stdoutClosed.TrySetResult();
            }
            else
            {
                _stdoutLines.Add(e.Data);
            }
        };
        _process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                _stderrClosed.TrySetResult();
            }
            else
            {
                _stderrLines.Enqueue(e.Data);
            }
        };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>
    /// `dotnet scc.dll ARGS`, stdout, stderr and stdin redirected, with <paramref name="environment"/> set over a
    /// clean slate. <paramref name="folder"/> holds scc.dll (this test's output folder unless given);
    /// <paramref name="launcher"/> is a command line that runs dotnet in turn (setpriv …, to run it as another user).
    /// </summary>
    public static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment, IEnumerable<string> args,
        string? folder = null, IReadOnlyList<string>? launcher = null)
    {
        string[] command = [.. launcher ?? [], "dotnet", Path.Combine(folder ?? AppContext.BaseDirectory, "scc.dll"), .. args];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (string word in command.Skip(1))
        {
            start.ArgumentList.Add(word);
        }
        foreach (string inherited in Inherited)
        {
            start.Environment.Remove(inherited);
        }
        foreach ((string name, string value) in environment)
        {
            start.Environment[name] = value;
        }
        return start;
    }

    /// <summary>The environment of an scc on the pcscd listening at <paramref name="socketPath"/>.</summary>
    public static Dictionary<string, string> OnPcscd(string socketPath) => new() { ["PCSCLITE_CSOCK_NAME"] = socketPath };

    /// <summary>The environment of an scc whose home is <paramref name="home"/>.</summary>
    public static Dictionary<string, string> InHome(string home) => new() { ["SCC_HOME"] = home };

    /// <summary>Starts scc and returns at once (for scc monitor, receive, emulator attach).</summary>
    public static SccProcess Start(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(StartInfo(environment, args));

    /// <summary>Starts scc on the pcscd listening at <paramref name="socketPath"/> and returns at once.</summary>
    public static SccProcess Start(string socketPath, params string[] args) => Start(OnPcscd(socketPath), args);

    /// <summary>Runs scc to the end.</summary>
    public static SccResult Run(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using SccProcess scc = Start(environment, args);
        return scc.WaitForExit();
    }

    /// <summary>Runs scc on the pcscd listening at <paramref name="socketPath"/> to the end.</summary>
    public static SccResult Run(string socketPath, params string[] args) => Run(OnPcscd(socketPath), args);

    /// <summary>The next stdout line that satisfies <paramref name="match"/>; the lines before it are only kept.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_stdoutLines.TryTake(out string? line, TimeSpan.FromMilliseconds(200)))
            {
                _seen.Add(line);
                if (match(line))
                {
                    return line;
                }
            }
            else if (_stdoutLines.IsCompleted)
            {
                break;
            }
        }
        throw new TimeoutException($"scc printed no line with {what} within {timeout.TotalSeconds:0} s; " +
            $"stdout: {string.Join(" | ", _seen)}; stderr: {string.Join(" | ", _stderrLines)}");
    }

    /// <summary>The next stdout line containing <paramref name="text"/>.</summary>
    public string WaitForLine(string text) =>
        WaitForLine(line => line.Contains(text, StringComparison.Ordinal), Patience, $"'{text}'");

    /// <summary>SIGINT, as Ctrl+C in a terminal.</summary>
    public void Interrupt() => NativeSignals.Interrupt(_process.Id);

    /// <summary>SIGTERM, as a service manager stops a program.</summary>
    public void Terminate() => NativeSignals.Terminate(_process.Id);

    /// <summary>Waits for scc to end (killing it after <paramref name="timeout"/>, <see cref="Patience"/> by default): all it printed.</summary>
    public SccResult WaitForExit(TimeSpan? timeout = null)
    {
        TimeSpan patience = timeout ?? Patience;
        if (!_process.WaitForExit(patience))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scc did not end within {patience.TotalSeconds:0} s; stderr: {string.Join(" | ", _stderrLines)}");
        }
        Task.WaitAll([_stdoutClosed.Task, _stderrClosed.Task], TimeSpan.FromSeconds(10));
        return new SccResult(_process.ExitCode, [.. _seen, .. _stdoutLines], [.. _stderrLines]);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        // The output handlers run until both streams end; disposing the line queue before that would make the last
        // handler call throw on a thread-pool thread and take the test host down.
        Task.WaitAll([_stdoutClosed.Task, _stderrClosed.Task], TimeSpan.FromSeconds(10));
        _process.Dispose();
        if (_stdoutClosed.Task.IsCompleted)
        {
            _stdoutLines.Dispose();
        }
    }
}
