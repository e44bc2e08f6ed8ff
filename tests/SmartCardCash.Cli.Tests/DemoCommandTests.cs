using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc demo: runs on emulated cards only, tells its story, balances its books, and starts afresh when run again.</summary>
public sealed class DemoCommandTests : TemporaryHomeTests
{
    [Fact]
    public void The_demo_tells_every_step_and_ends_with_every_cent_accounted_for()
    {
        CliResult result = _cli.Run("demo");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr);
        string demo = Path.Combine(_home.Path, "demo");
        Assert.StartsWith($"SmartCardCash demo, in {demo}\n", result.Stdout);
        Assert.DoesNotContain("Found a previous demo", result.Stdout);
        Assert.Contains("Minted EUR 1000.00 into bank", result.Stdout);
        Assert.Contains("alice paid bob EUR 12.50", result.Stdout);
        Assert.Contains("bob paid shop EUR 8.40 (sequence numbers 3 and 1) for \"Order 1001: 2 coffees, 1 croissant\"", result.Stdout);
        Assert.Contains("EUR 23.00 was debited from alice, and shop may have been credited", result.Stdout);
        Assert.Contains("Finished the interrupted payment: EUR 23.00 from alice to shop is complete.", result.Stdout);
        Assert.Contains("│ total │          │                  │ EUR 1000.00 │", result.Stdout);
        Assert.True(File.Exists(Path.Combine(demo, "cards", "shop.card")));
        Assert.True(File.Exists(Path.Combine(demo, "issuer", "mint-journal.jsonl")));
    }

    [Fact]
    public void Running_it_again_says_it_starts_afresh_and_works_the_same()
    {
        Assert.Equal(0, _cli.Run("demo").ExitCode);

        CliResult again = _cli.Run("demo", "--json");

        Assert.Equal(0, again.ExitCode);
        using JsonDocument json = JsonDocument.Parse(again.Stdout);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("reset").GetBoolean());
        Assert.Equal("1000.00", root.GetProperty("total").GetProperty("amount").GetString());
        Assert.Equal(root.GetProperty("minted").GetProperty("minorUnits").GetInt64(), root.GetProperty("total").GetProperty("minorUnits").GetInt64());
        string[] steps = [.. root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!)];
        Assert.Equal(["issuer", "cards", "mint", "load-alice", "load-bob", "alice-pays-bob", "bob-pays-shop", "interrupted", "recovered",
            "balances"], steps);
        JsonElement cut = root.GetProperty("steps")[7].GetProperty("outcome");
        Assert.Equal(("interrupted", 5), (cut.GetProperty("outcome").GetString(), cut.GetProperty("exitCode").GetInt32()));
        Assert.Equal("completed", root.GetProperty("steps")[8].GetProperty("outcome").GetProperty("outcome").GetString());
        Assert.All(root.GetProperty("cards").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("exceptions").GetInt32()));

        CliResult third = _cli.Run("demo");
        Assert.Contains($"Found a previous demo in {Path.Combine(_home.Path, "demo")}: starting it afresh.", third.Stdout);
    }

    [Fact]
    public void A_previous_demo_whose_card_is_open_elsewhere_is_kept_and_refused_with_exit_7()
    {
        Assert.Equal(0, _cli.Run("demo").ExitCode);
        string demo = Path.Combine(_home.Path, "demo");
        var cards = SmartCardCash.CardAccess.EmulatedCardStore.ForHome(demo);

        CliResult refused;
        using (cards.Open("shop"))
        {
            // As 'scc receive --card shop' would hold it, with the demo folder as its SCC_HOME.
            refused = _cli.Run("demo");
        }

        Assert.Equal(ExitCodes.LocalData, refused.ExitCode);
        Assert.Equal($"scc: the previous demo in {demo} is in use: its card 'shop' is open in another process (lock " +
            $"{Path.Combine(demo, "cards", "shop.card.lock")}); stop that scc first, or give this demo another folder with --home",
            refused.SingleErrorLine());
        Assert.Equal(["alice", "bank", "bob", "shop"], cards.List());
        Assert.Equal(0, _cli.Run("demo").ExitCode);
    }

    [Fact]
    public void A_folder_that_is_not_a_demo_is_never_emptied()
    {
        string folder = Path.Combine(_home.Path, "precious");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "notes.txt"), "keep me");

        CliResult result = _cli.Run("demo", "--home", folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a demo folder", result.SingleErrorLine());
        Assert.True(File.Exists(Path.Combine(folder, "notes.txt")));
    }

    [Fact]
    public void The_help_lists_the_payment_commands_and_exit_codes_5_and_6()
    {
        CliResult help = _cli.Run("--help");

        Assert.Contains("demo", help.Stdout);
        Assert.Contains("recover", help.Stdout);
        Assert.Contains("5    payment interrupted", help.Stdout);
        Assert.Contains("6    payment refused for security", help.Stdout);
        Assert.Contains("Outcomes and exit codes:", _cli.Run("pay", "--help").Stdout);
    }
}
