using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

public sealed class CliApplicationTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public void Version_prints_scc_own_version()
    {
        CliResult result = _cli.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^0\.1\.0(\+[0-9a-f]+)?$", result.Stdout.Trim());
    }

    [Fact]
    public void Help_lists_the_commands_exit_codes_and_environment()
    {
        CliResult result = _cli.Run("--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("scc [command] [options]", result.Stdout);
        foreach (string command in new[] { "readers", "monitor", "apdu" })
        {
            Assert.Contains($"  {command}", result.Stdout);
        }
        foreach (string code in new[] { "0 ", "1 ", "2 ", "3 ", "4 ", "130" })
        {
            Assert.Contains($"\n  {code}", result.Stdout);
        }
        Assert.Contains("SCC_READER", result.Stdout);
        Assert.Contains("SCC_IGNORE_READERS", result.Stdout);
    }

    [Fact]
    public void Apdu_help_explains_the_transforms_and_the_exit_code_rule()
    {
        CliResult result = _cli.Run("apdu", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--reader", result.Stdout);
        Assert.Contains("--raw", result.Stdout);
        Assert.Contains("GET RESPONSE", result.Stdout);
        Assert.Contains("exit code is 1 if any", result.Stdout);
        Assert.Contains("--trace", result.Stdout);
    }

    [Fact]
    public void Help_needs_no_pcsc()
    {
        _cli.Run("readers", "--help");

        Assert.Empty(_cli.Pcsc.Mock.Invocations);
    }

    [Theory]
    [InlineData(new[] { "readers", "--frobnicate" }, "scc: unrecognized command or argument '--frobnicate' (see 'scc readers --help')")]
    [InlineData(new[] { "dance" }, "scc: unrecognized command or argument 'dance' (see 'scc --help')")]
    [InlineData(new string[0], "scc: a command is missing (see 'scc --help')")]
    [InlineData(new[] { "apdu" }, "scc: argument <apdu> is missing (see 'scc apdu --help')")]
    [InlineData(new[] { "apdu", "--reader" }, "scc: required argument missing for option: '--reader'")]
    public void Parse_errors_are_one_line_with_a_hint_and_exit_2(string[] args, string expected)
    {
        CliResult result = _cli.Run(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.StartsWith(expected, result.SingleErrorLine());
        Assert.Contains("--help'", result.Stderr);
        Assert.Equal("", result.Stdout);
        Assert.Empty(_cli.Pcsc.Mock.Invocations);
    }

    [Fact]
    public void Global_options_are_accepted_before_the_command_too()
    {
        _cli.AddEmptyReader("Reader A");

        CliResult result = _cli.Run("--json", "readers");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("[", result.Stdout.TrimStart());
    }
}
