using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// SCC_CRASH_BEFORE_APDU / SCC_CRASH_AFTER_APDU: where the crash point fires, counted as --trace counts commands, and
/// what a bad value does. That a real SIGKILL there leaves the purses as the protocol says is
/// KillDashNinePaymentTests' job (Payments.Tests), which runs scc as a process.
/// </summary>
public sealed class CrashInjectionTests : TemporaryHomeTests
{
    private readonly List<string> _trace = [];

    public CrashInjectionTests()
    {
        _home.BankAliceAndBob();
        _home.Pay("bank", "alice", 10_000);
        _cli.StderrLineWritten = _trace.Add;
    }

    private sealed class CrashedException : Exception;

    [Theory]
    [InlineData("SCC_CRASH_BEFORE_APDU", 1)]
    [InlineData("SCC_CRASH_BEFORE_APDU", 9)]
    [InlineData("SCC_CRASH_AFTER_APDU", 9)]
    [InlineData("SCC_CRASH_AFTER_APDU", 13)]
    public void The_crash_point_fires_at_the_command_the_trace_numbers_and_nowhere_else(string variable, int command)
    {
        int crashes = 0;
        List<string>? traceAtCrash = null;
        _cli.Environment[variable] = command.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _cli.CrashProcess = () =>
        {
            crashes++;
            traceAtCrash = [.. _trace];
            throw new CrashedException();
        };

        _cli.Run("pay", "--from", "alice", "--to", "bob", "--amount", "0.01", "--currency", "EUR", "--trace");

        Assert.Equal(1, crashes);
        Assert.Equal(command, traceAtCrash!.Count(line => line.Contains(" → ", StringComparison.Ordinal)));
        // Before: the command is the last line, the card never saw it. After: the card answered, scc never read it.
        Assert.Contains(" → ", traceAtCrash![^1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_point_past_the_last_command_never_fires_and_the_payment_completes()
    {
        _cli.Environment["SCC_CRASH_BEFORE_APDU"] = "1000";
        _cli.CrashProcess = () => throw new CrashedException();

        CliResult result = _cli.Run("pay", "--from", "alice", "--to", "bob", "--amount", "0.01", "--currency", "EUR");

        Assert.Equal(0, result.ExitCode);
    }

    [Theory]
    [InlineData("SCC_CRASH_BEFORE_APDU", "0")]
    [InlineData("SCC_CRASH_AFTER_APDU", "-3")]
    [InlineData("SCC_CRASH_AFTER_APDU", "seven")]
    public void A_value_that_is_not_a_command_number_is_a_usage_error_before_any_card_is_touched(string variable, string value)
    {
        _cli.Environment[variable] = value;

        CliResult result = _cli.Run("balance", "--card", "alice");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"scc: {variable} must be a command number from 1 (as --trace counts them), not '{value}'\n", result.Stderr);
        Assert.Equal("", result.Stdout);
    }
}
