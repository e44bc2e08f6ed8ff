using System.Collections.Concurrent;
using System.Diagnostics;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// The built scc.dll run as a separate process with `dotnet`, talking to the private pcscd through
/// PCSCLITE_CSOCK_NAME (or to a socket path of the test's choosing). The variables that choose or hide readers are
/// cleared so the developer's own settings cannot change the outcome.
/// </summary>
internal sealed class SccProcess : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly BlockingCollection<string> _stdoutLines = [];
    private readonly ConcurrentQueue<string> _stderrLines = new();
    private readonly TaskCompletionSource _stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private SccProcess(string socketPath, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "scc.dll"));
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["PCSCLITE_CSOCK_NAME"] = socketPath;
        start.Environment.Remove("SCC_READER");
        start.Environment.Remove("SCC_IGNORE_READERS");
        start.Environment.Remove("PCSCLITE_FILTER_IGNORE_READER_NAMES");
        start.Environment.Remove("SCC_HOME");
        start.Environment.Remove("SCC_CARD");
        start.Environment.Remove("SCC_LOCK_CODE");
        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start scc");
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

    public int Id => _process.Id;

    /// <summary>Starts scc and returns at once (for scc monitor).</summary>
    public static SccProcess Start(string socketPath, params string[] args) => new(socketPath, args);

    /// <summary>Starts scc with extra environment variables (SCC_HOME, say) and returns at once.</summary>
    public static SccProcess Start(string socketPath, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        new(socketPath, args, environment);

    /// <summary>Runs scc to the end.</summary>
    public static SccResult Run(string socketPath, params string[] args)
    {
        using var scc = new SccProcess(socketPath, args);
        return scc.WaitForExit(DefaultTimeout);
    }

    /// <summary>Runs scc to the end with extra environment variables.</summary>
    public static SccResult Run(string socketPath, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var scc = new SccProcess(socketPath, args, environment);
        return scc.WaitForExit(DefaultTimeout);
    }

    /// <summary>The next stdout line that satisfies <paramref name="match"/>; earlier lines are consumed.</summary>
    public string WaitForLine(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_stdoutLines.TryTake(out string? line, TimeSpan.FromMilliseconds(200)))
            {
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
        throw new TimeoutException(
            $"scc printed no line with {what} within {timeout.TotalSeconds:0} s; stderr: {string.Join(" | ", _stderrLines)}");
    }

    public void Interrupt() => NativeSignals.Interrupt(_process.Id);

    /// <summary>SIGTERM, as a service manager stops a program.</summary>
    public void Terminate() => NativeSignals.Terminate(_process.Id);

    /// <summary>What scc has written to stderr so far.</summary>
    public string StderrSoFar => string.Join(" | ", _stderrLines);

    public SccResult WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException($"scc did not end within {timeout.TotalSeconds:0} s");
        }
        Task.WaitAll([_stdoutClosed.Task, _stderrClosed.Task], TimeSpan.FromSeconds(10));
        return new SccResult(_process.ExitCode, [.. _stdoutLines], [.. _stderrLines]);
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
