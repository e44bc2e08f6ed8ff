namespace SmartCardCash.Cli.Tests.Support;

/// <summary>What one in-process run of scc produced.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string[] StderrLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Asserts the error contract: exactly one "scc: …" line on stderr and no stack trace.</summary>
    public string SingleErrorLine()
    {
        string line = Assert.Single(StderrLines);
        Assert.StartsWith("scc: ", line);
        Assert.DoesNotContain("   at ", Stderr);
        Assert.DoesNotContain("Exception", Stderr);
        return line;
    }
}
