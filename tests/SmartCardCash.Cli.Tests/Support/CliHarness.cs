using SmartCardCash.Pcsc.Testing;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// Runs scc in-process against a simulated PC/SC service (readers, cards) under the host's real PC/SC classes, an
/// environment of its own and a stopped clock.
/// </summary>
internal sealed class CliHarness
{
    /// <summary>The PC/SC scc talks to: its IPcscApi is the one scc's commands use.</summary>
    public FakePcscService Pcsc { get; } = new();

    public Dictionary<string, string> Environment { get; } = [];

    public CancellationTokenSource Interrupt { get; } = new();

    /// <summary>What standard input holds (for --code -).</summary>
    public string StdinText { get; set; } = "";

    /// <summary>Whether standard input counts as a terminal (so a hidden prompt may ask for a lock code).</summary>
    public bool IsInputTerminal { get; set; }

    /// <summary>Answers to hidden prompts, in order; the prompts asked are recorded in <see cref="Prompts"/>.</summary>
    public Queue<string> SecretAnswers { get; } = new();

    public List<string> Prompts { get; } = [];

    /// <summary>Called with each line scc writes to stderr, as it is written (from whichever thread writes it).</summary>
    public Action<string>? StderrLineWritten { get; set; }

    /// <summary>Called with each line scc writes to stdout, as it is written (from whichever thread writes it).</summary>
    public Action<string>? StdoutLineWritten { get; set; }

    /// <summary>Runs against every CardOpener a command builds (to register a remote opener, say).</summary>
    public Action<SmartCardCash.CardAccess.CardOpener>? ConfigureCards { get; set; }

    /// <summary>What a crash point (SCC_CRASH_BEFORE_APDU) does in place of killing the process; by default it fails the test.</summary>
    public Action? CrashProcess { get; set; }

    /// <summary>Adds a reader holding a card that answers through <paramref name="handler"/> (9000 by default).</summary>
    public FakeCard AddCard(string readerName, Func<byte[], byte[]>? handler = null) =>
        AddCard(readerName, new FakeCard(ReaderStates.Atr) { Handler = handler ?? FakeCard.Ok });

    /// <summary>Adds a reader holding <paramref name="card"/>.</summary>
    public FakeCard AddCard(string readerName, FakeCard card)
    {
        Pcsc.AddReader(readerName, card);
        return card;
    }

    /// <summary>Adds a reader with no card in it.</summary>
    public void AddEmptyReader(string readerName) => Pcsc.AddReader(readerName);

    public CliResult Run(params string[] args)
    {
        var stdout = new ObservedStringWriter(StdoutLineWritten) { NewLine = "\n" };
        var stderr = new ObservedStringWriter(StderrLineWritten) { NewLine = "\n" };
        int exitCode = CliApplication.Run(args, Context(stdout, stderr, Interrupt.Token));
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>What scc runs with here: this PC/SC, environment, standard input and prompts, a stopped clock.</summary>
    public CliContext Context(TextWriter stdout, TextWriter stderr, CancellationToken interrupt) => new(stdout, stderr)
    {
        Pcsc = Pcsc.Api,
        GetEnvironmentVariable = name => Environment.GetValueOrDefault(name),
        Time = new FixedTimeProvider(),
        Interrupt = interrupt,
        Stdin = new StringReader(StdinText),
        IsInputTerminal = IsInputTerminal,
        ReadSecret = prompt =>
        {
            Prompts.Add(prompt);
            return SecretAnswers.Count > 0 ? SecretAnswers.Dequeue() : null;
        },
        ConfigureCards = ConfigureCards,
        CrashProcess = CrashProcess ?? (() => throw new InvalidOperationException("a crash point fired in a test that set none")),
    };
}
