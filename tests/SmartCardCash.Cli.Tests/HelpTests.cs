using System.CommandLine;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>Every --help page, read as a new user reads it.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class HelpTests
{
    private readonly CliHarness _cli = new();

    public static TheoryData<string> CommandsWithExamples =>
        ["pay", "card new", "mint", "receive", "recover", "emulator attach"];

    [Theory]
    [MemberData(nameof(CommandsWithExamples))]
    public void These_commands_show_examples(string command)
    {
        CliResult help = _cli.Run([.. command.Split(' '), "--help"]);

        Assert.NotEmpty(HelpPages.Examples(help.Stdout));
    }

    [Fact]
    public void Every_example_in_every_help_page_parses_through_the_real_command_tree()
    {
        Command root = HelpPages.BuildRoot();
        var checkedExamples = 0;
        foreach ((string[] path, _) in HelpPages.Commands(root))
        {
            foreach (string[] example in HelpPages.Examples(_cli.Run([.. path, "--help"]).Stdout))
            {
                ParseResult parsed = root.Parse(example);
                Assert.True(parsed.Errors.Count == 0,
                    $"'scc {string.Join(' ', example)}' (in 'scc {string.Join(' ', path)} --help'): " +
                    string.Join("; ", parsed.Errors.Select(e => e.Message)));
                checkedExamples++;
            }
        }
        Assert.True(checkedExamples >= 12, $"only {checkedExamples} examples found");
    }

    [Fact]
    public void The_examples_of_card_new_mint_pay_and_recover_work_as_written_one_after_the_other()
    {
        using var home = new PurseHome(_cli);
        home.InitIssuer();
        // The examples leave the lock code to its other sources; this one needs no terminal.
        _cli.Environment["SCC_LOCK_CODE"] = PurseHome.LockCode;
        var ran = 0;
        foreach (string command in new[] { "card new", "mint", "pay", "recover" })
        {
            // A tcp:// example needs an 'scc receive' elsewhere; the parse test above covers those.
            foreach (string[] example in HelpPages.Examples(_cli.Run([.. command.Split(' '), "--help"]).Stdout)
                .Where(e => !e.Any(word => word.StartsWith("tcp://", StringComparison.Ordinal))))
            {
                CliResult result = _cli.Run(example);
                Assert.True(result.ExitCode == 0, $"'scc {string.Join(' ', example)}' exited {result.ExitCode}: {result.Stderr}");
                ran++;
            }
        }
        Assert.True(ran >= 8, $"only {ran} examples ran");
    }

    [Fact]
    public void Only_the_payee_options_offer_a_remote_card()
    {
        var offering = new List<string>();
        foreach ((string[] path, Command command) in HelpPages.Commands(HelpPages.BuildRoot()))
        {
            offering.AddRange(command.Options.Where(o => o.Description?.Contains("tcp://", StringComparison.Ordinal) == true)
                .Select(o => $"{string.Join(' ', path)} {o.Name}"));
        }

        // Everything else a remote card is refused: by scc (pay --from, receive --card), or with 6900 by the
        // 'scc receive' serving it, which lets through only what paying into its card needs.
        Assert.Equal(["pay --to", "recover --to"], offering.Order());
        CliResult noCard = _cli.Run("info");
        Assert.DoesNotContain("tcp://", noCard.SingleErrorLine());
    }

    [Fact]
    public void The_json_option_says_nothing_about_one_command_under_every_command()
    {
        CliResult balance = _cli.Run("balance", "--help");

        Assert.DoesNotContain("monitor", balance.Stdout);
        foreach (string perEvent in new[] { "monitor", "receive", "emulator attach" })
        {
            Assert.Contains("each event is one JSON line", _cli.Run([.. perEvent.Split(' '), "--help"]).Stdout);
        }
    }

    [Fact]
    public void Every_list_of_exit_codes_is_in_order()
    {
        var lists = 0;
        foreach ((string[] path, _) in HelpPages.Commands(HelpPages.BuildRoot()))
        {
            foreach (IReadOnlyList<int> codes in HelpPages.ExitCodeLists(_cli.Run([.. path, "--help"]).Stdout))
            {
                Assert.True(codes.Count >= 2, $"'scc {string.Join(' ', path)} --help' lists exit codes {string.Join(", ", codes)}");
                Assert.True(codes.Order().SequenceEqual(codes), $"'scc {string.Join(' ', path)} --help' lists exit codes {string.Join(", ", codes)}");
                lists++;
            }
        }
        Assert.True(lists >= 5, $"only {lists} lists of exit codes found");
    }

    [Fact]
    public void Every_option_a_command_cannot_run_without_is_marked_required_in_its_help()
    {
        Command root = HelpPages.BuildRoot();
        var required = 0;
        foreach ((string[] path, Command command) in HelpPages.Commands(root).Where(c => c.Command.Subcommands.Count == 0))
        {
            string help = _cli.Run([.. path, "--help"]).Stdout;
            foreach (Option option in command.Options.Where(o => root.Parse(path).Errors.Any(e => e.Message == $"Option '{o.Name}' is required.")))
            {
                string row = Rows(help, option.Name + " ").Single();
                Assert.True(row.Contains("(REQUIRED)", StringComparison.Ordinal) || row.Contains("Required", StringComparison.Ordinal),
                    $"'scc {string.Join(' ', path)} --help': {row.Trim()}");
                required++;
            }
        }
        Assert.True(required >= 9, $"only {required} required options found");
    }

    [Fact]
    public void The_options_required_unless_another_is_given_say_so()
    {
        string cardNew = _cli.Run("card", "new", "--help").Stdout;
        string mint = _cli.Run("mint", "--help").Stdout;
        string recover = _cli.Run("recover", "--help").Stdout;
        string balance = _cli.Run("balance", "--help").Stdout;

        Assert.Equal(2, Rows(cardNew, "--class ", "--currency ").Count(r => r.Contains("Required unless --blank", StringComparison.Ordinal)));
        Assert.Equal(2, Rows(mint, "--amount ", "--currency ").Count(r => r.Contains("Required unless --reconcile", StringComparison.Ordinal)));
        Assert.Equal(2, Rows(recover, "--from ", "--to ").Count(r => r.Contains("Required unless --abandon", StringComparison.Ordinal)));
        Assert.Contains("Required unless SCC_CARD", Rows(balance, "-c, --card ").Single());
    }

    /// <summary>The rows of the Options section that start with one of <paramref name="options"/>.</summary>
    private static IEnumerable<string> Rows(string help, params string[] options) =>
        help.Split('\n').SkipWhile(l => l != "Options:").TakeWhile(l => l.Length > 0)
            .Where(l => options.Any(o => l.TrimStart().StartsWith(o, StringComparison.Ordinal)));
}
