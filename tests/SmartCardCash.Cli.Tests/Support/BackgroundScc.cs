using System.Text;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// scc run in-process on a thread of its own (for scc receive, which runs until stopped), with output that can be read
/// while it runs and an interrupt to stop it as Ctrl+C would.
/// </summary>
internal sealed class BackgroundScc : IDisposable
{
    /// <summary>Liveness only: never reached on a healthy run, short enough that a hang fails the test.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    // TextWriter.Synchronized locks the writer it returns around every write: reads lock the same object.
    private readonly TextWriter _stdoutWriter;
    private readonly TextWriter _stderrWriter;
    private readonly CancellationTokenSource _interrupt = new();
    private readonly Task<int> _run;

    /// <summary>Starts <c>scc ARGS</c> with what <paramref name="cli"/> runs scc with, but an interrupt of its own.</summary>
    public BackgroundScc(CliHarness cli, params string[] args)
    {
        _stdoutWriter = TextWriter.Synchronized(new StringWriter(_stdout) { NewLine = "\n" });
        _stderrWriter = TextWriter.Synchronized(new StringWriter(_stderr) { NewLine = "\n" });
        CliContext context = cli.Context(_stdoutWriter, _stderrWriter, _interrupt.Token);
        _run = Task.Factory.StartNew(() => CliApplication.Run(args, context), TaskCreationOptions.LongRunning);
    }

    public string Stdout
    {
        get
        {
            lock (_stdoutWriter)
            {
                return _stdout.ToString();
            }
        }
    }

    public string Stderr
    {
        get
        {
            lock (_stderrWriter)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Waits (liveness only) for a stdout line containing <paramref name="text"/>; returns it.</summary>
    public string WaitForLine(string text)
    {
        DateTime giveUp = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < giveUp)
        {
            string? line = Stdout.Split('\n').FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
            if (line is not null)
            {
                return line;
            }
            if (_run.IsCompleted)
            {
                break;
            }
            Thread.Sleep(10);
        }
        throw new TimeoutException($"no line with '{text}'; stdout: {Stdout}; stderr: {Stderr}");
    }

    public void Interrupt() => _interrupt.Cancel();

    public int WaitForExit()
    {
        Assert.True(_run.Wait(Patience), $"scc did not end; stdout: {Stdout}; stderr: {Stderr}");
        return _run.Result;
    }

    public void Dispose()
    {
        _interrupt.Cancel();
        _run.Wait(Patience);
        _interrupt.Dispose();
    }
}
