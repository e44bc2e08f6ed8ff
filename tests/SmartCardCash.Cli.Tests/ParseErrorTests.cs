using System.CommandLine;
using System.CommandLine.Parsing;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>Command lines scc cannot parse: one plain line, exit 2, and a way forward.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ParseErrorTests
{
    private readonly CliHarness _cli = new();

    [Theory]
    [InlineData(new[] { "card", "new", "x", "--class", "customer", "--currency", "EUR", "--tries", "abc" },
        "scc: --tries: 'abc' is not a whole number from 1 to 15 (see 'scc card new --help')")]
    [InlineData(new[] { "card", "personalise", "-c", "x", "--class", "bank", "--currency", "EUR", "--tries", "0" },
        "scc: --tries: '0' is not a whole number from 1 to 15 (see 'scc card personalise --help')")]
    [InlineData(new[] { "emulator", "attach", "--slot", "0", "alice", "--port-base", "99999999999" },
        "scc: --port-base: '99999999999' is not a whole number from 1 to 65535 (see 'scc emulator attach --help')")]
    [InlineData(new[] { "emulator", "attach", "--slot", "0", "alice", "--contactless", "x" },
        "scc: --contactless: 'x' is not a whole number from 0 to 255 (see 'scc emulator attach --help')")]
    [InlineData(new[] { "emulator", "attach", "--slot", "0", "alice", "--contactless", "0", "--contactless", "-1" },
        "scc: --contactless: '-1' is not a whole number from 0 to 255 (see 'scc emulator attach --help')")]
    public void A_number_that_is_not_one_or_out_of_range_names_the_range(string[] args, string expected)
    {
        AssertOneLineUsageError(args, expected);
    }

    [Fact]
    public void Every_number_option_of_every_command_names_its_range_and_no_dotnet_type()
    {
        var numberOptions = 0;
        foreach ((_, Command command) in HelpPages.Commands(HelpPages.BuildRoot()))
        {
            foreach (Option option in command.Options.Where(o => IsNumber(o.ValueType)))
            {
                // On its own: a command's validators (--class required, say) would report first and hide it.
                var alone = new Command("alone") { option };
                foreach (string bad in new[] { "abc", "99999999999", "1.5" })
                {
                    ParseError error = Assert.Single(alone.Parse([option.Name, bad]).Errors);

                    Assert.StartsWith($"{option.Name}: '{bad}' is not a whole number from ", error.Message);
                    Assert.DoesNotContain("System.", error.Message);
                }
                numberOptions++;
            }
        }
        Assert.True(numberOptions >= 3, $"only {numberOptions} number options found");
    }

    [Theory]
    [InlineData(new[] { "card", "new", "x", "--blank", "--interface", "nfc" },
        "scc: --interface: 'nfc' is not contact-t1, contact-t0 or contactless (see 'scc card new --help')")]
    public void A_word_that_is_not_one_of_the_choices_names_the_option_and_the_choices(string[] args, string expected)
    {
        AssertOneLineUsageError(args, expected);
    }

    [Theory]
    [InlineData(new[] { "card", "new" }, "scc: argument <name> is missing; option '--class' is required; option '--currency' is required (see 'scc card new --help')")]
    [InlineData(new[] { "card", "new", "--blank" }, "scc: argument <name> is missing (see 'scc card new --help')")]
    [InlineData(new[] { "card", "new", "--class", "customer", "--currency", "EUR" }, "scc: argument <name> is missing (see 'scc card new --help')")]
    [InlineData(new[] { "card", "delete" }, "scc: argument <name> is missing (see 'scc card delete --help')")]
    [InlineData(new[] { "apdu" }, "scc: argument <apdu> is missing (see 'scc apdu --help')")]
    public void A_missing_argument_is_named(string[] args, string expected)
    {
        AssertOneLineUsageError(args, expected);
    }

    [Theory]
    [InlineData(new[] { "balanse" }, "scc: unrecognized command or argument 'balanse'; did you mean 'balance'? (see 'scc --help')")]
    [InlineData(new[] { "recieve", "-c", "shop" }, "scc: unrecognized command or argument 'recieve'; did you mean 'receive'? (see 'scc --help')")]
    [InlineData(new[] { "card", "nwe", "x" }, "scc: unrecognized command or argument 'nwe'; did you mean 'new'? (see 'scc card --help')")]
    [InlineData(new[] { "lok" }, "scc: unrecognized command or argument 'lok'; did you mean 'lock' or 'log'? (see 'scc --help')")]
    [InlineData(new[] { "log", "--exception" }, "scc: unrecognized command or argument '--exception'; did you mean '--exceptions'? (see 'scc log --help')")]
    [InlineData(new[] { "balance", "--crad", "alice" }, "scc: unrecognized command or argument '--crad'; did you mean '--card'? (see 'scc balance --help')")]
    [InlineData(new[] { "conf" }, "scc: unrecognized command or argument 'conf'; did you mean 'conformance'? (see 'scc --help')")]
    [InlineData(new[] { "rec" }, "scc: unrecognized command or argument 'rec'; did you mean 'receive' or 'recover'? (see 'scc --help')")]
    [InlineData(new[] { "--jsno", "readers" }, "scc: unrecognized command or argument '--jsno'; did you mean '--json'? (see 'scc readers --help')")]
    public void A_typo_gets_the_nearest_command_or_option(string[] args, string expected)
    {
        AssertOneLineUsageError(args, expected);
    }

    [Theory]
    [InlineData(new[] { "card" }, "scc: 'scc card' needs one of its commands: new, list, delete, personalise (see 'scc card --help')")]
    [InlineData(new[] { "issuer" }, "scc: 'scc issuer' needs one of its commands: init, show (see 'scc issuer --help')")]
    [InlineData(new[] { "emulator" }, "scc: 'scc emulator' needs one of its commands: attach (see 'scc emulator --help')")]
    public void A_group_without_its_command_lists_its_commands(string[] args, string expected)
    {
        AssertOneLineUsageError(args, expected);
    }

    [Theory]
    [InlineData("dance")]
    [InlineData("x")]
    [InlineData("ap")]
    public void A_word_near_no_command_gets_no_suggestion(string word)
    {
        AssertOneLineUsageError([word], $"scc: unrecognized command or argument '{word}' (see 'scc --help')");
    }

    private void AssertOneLineUsageError(string[] args, string expected)
    {
        CliResult result = _cli.Run(args);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(expected, result.SingleErrorLine());
        Assert.Equal("", result.Stdout);
    }

    private static bool IsNumber(Type type)
    {
        Type element = type.IsArray ? type.GetElementType()! : type;
        element = Nullable.GetUnderlyingType(element) ?? element;
        return element == typeof(int) || element == typeof(uint) || element == typeof(long) || element == typeof(ulong)
            || element == typeof(short) || element == typeof(ushort) || element == typeof(byte) || element == typeof(double)
            || element == typeof(decimal);
    }
}
