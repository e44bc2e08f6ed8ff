namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>How an scc process ended: its exit code and its output, line by line.</summary>
internal sealed record SccResult(int ExitCode, IReadOnlyList<string> Stdout, IReadOnlyList<string> Stderr)
{
    public string StdoutText => string.Join('\n', Stdout);

    public override string ToString() =>
        $"exit {ExitCode}\nstdout:\n{StdoutText}\nstderr:\n{string.Join('\n', Stderr)}";
}
