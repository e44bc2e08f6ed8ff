using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc demo: runs on emulated cards only, tells its story, balances its books, and starts afresh when run again.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DemoCommandTests : TemporaryHomeTests
{
    [Fact]
    public void The_demo_tells_every_step_through_its_bank_and_ends_with_the_books_balancing()
    {
        CliResult result = _cli.Run("demo");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("", result.Stderr);
        string demo = Path.Combine(_home.Path, "demo");
        Assert.StartsWith($"SmartCardCash demo, in {demo}\n", result.Stdout);
        Assert.DoesNotContain("Found a previous demo", result.Stdout);
        Assert.Matches(@"Started the bank service on http://127\.0\.0\.1:\d+/", result.Stdout);
        Assert.Contains("The issuer minted EUR 1000.00 into it", result.Stdout);
        Assert.Contains("Loaded EUR 100.00 from customer.alice into alice's card", result.Stdout);
        Assert.Contains("  alice: EUR 100.00   customer.alice: EUR 100.00", result.Stdout);
        Assert.Contains("alice paid bob EUR 12.50", result.Stdout);
        Assert.Contains("bob paid shop EUR 8.40 (sequence numbers 3 and 1) for \"Order 1001: 2 coffees, 1 croissant\"", result.Stdout);
        Assert.Contains("Finished the interrupted payment: EUR 23.00 from alice to shop is complete.", result.Stdout);
        // 31.40 deposited: 1.5% is 0.471, so the fee is 0.47 + 0.10.
        Assert.Contains("the bank credited merchant.shop EUR 30.83 and took its fee of EUR 0.57", result.Stdout);
        Assert.Contains("uploaded its journal of 6 signed vals", result.Stdout);
        Assert.Contains("(5 new, 1 cleared already with the deposit)", result.Stdout);
        Assert.Contains("01 EUR 5.00 from", result.Stdout);
        Assert.Contains("definitely lost; refunded once to the account that loaded the payer's purse", Unwrapped(result.Stdout));
        Assert.Contains("customer.alice: EUR 100.00, now EUR 105.00", result.Stdout);
        Assert.Contains("customer.alice still holds EUR 105.00: refunded exactly once", Unwrapped(result.Stdout));
        Assert.Contains("│ total │          │                  │ EUR 113.60 │", result.Stdout);
        Assert.EndsWith("  The books balance: minted EUR 995.00 = bank purses EUR 881.40 + e-value outstanding EUR 113.60, held " +
            "on the cards to the cent, and the ledger sums to zero. ", Unwrapped(result.Stdout), StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(demo, "cards", "shop.card")));
        Assert.True(File.Exists(Path.Combine(demo, "bank", "bank.db")));
        Assert.True(File.Exists(Path.Combine(demo, "journal", "payments.jsonl")));
        foreach (string key in new[] { "operator.key", "terminal.key", "shop.key", "credentials/customer.alice.credential" })
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(demo, "bank", key)));
            Assert.DoesNotContain(File.ReadAllText(Path.Combine(demo, "bank", key)).Trim(), result.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Running_it_again_says_it_starts_afresh_and_its_json_carries_the_audit()
    {
        Assert.Equal(0, _cli.Run("demo").ExitCode);

        CliResult again = _cli.Run("demo", "--json");

        Assert.True(again.ExitCode == 0, again.Stderr);
        using JsonDocument json = JsonDocument.Parse(again.Stdout);
        JsonElement root = json.RootElement;
        Assert.True(root.GetProperty("reset").GetBoolean());
        Assert.True(root.GetProperty("booksBalance").GetBoolean());
        string[] steps = [.. root.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()!)];
        Assert.Equal(["issuer", "bank", "accounts", "cash-in", "mint", "cards", "load-alice", "load-bob", "alice-pays-bob",
            "bob-pays-shop", "interrupted", "recovered", "deposit", "clearing", "lost", "upload-payee", "upload-payer",
            "upload-again", "audit"], steps);
        JsonElement cut = Step(root, "interrupted").GetProperty("outcome");
        Assert.Equal(("interrupted", 5), (cut.GetProperty("outcome").GetString(), cut.GetProperty("exitCode").GetInt32()));
        Assert.Equal("completed", Step(root, "load-alice").GetProperty("outcome").GetProperty("outcome").GetString());

        JsonElement audit = root.GetProperty("audit");
        Assert.True(audit.GetProperty("balanced").GetBoolean());
        Assert.Empty(audit.GetProperty("findings").EnumerateArray());
        JsonElement eur = audit.GetProperty("currencies").EnumerateArray().Single();
        long Minor(string name) => eur.GetProperty(name).GetInt64();
        Assert.Equal((100_000, 500, 99_500), (Minor("mintedGross"), Minor("writtenOff"), Minor("minted")));
        Assert.Equal(Minor("minted"), Minor("bankPurses") + Minor("outstanding"));
        Assert.Equal(57, Minor("feeIncome"));
        long onCards = root.GetProperty("cards").EnumerateArray().Sum(c => c.GetProperty("balance").GetProperty("minorUnits").GetInt64());
        Assert.Equal(Minor("outstanding"), onCards);
        Assert.All(root.GetProperty("cards").EnumerateArray(), c => Assert.Equal(0, c.GetProperty("exceptions").GetInt32()));
        Dictionary<string, long> accounts = root.GetProperty("accounts").EnumerateArray()
            .ToDictionary(a => a.GetProperty("id").GetString()!, a => a.GetProperty("balance").GetInt64());
        Assert.Equal((10_500, 5_000, 3_083), (accounts["customer.alice"], accounts["customer.bob"], accounts["merchant.shop"]));
        Assert.DoesNotContain("scc_", again.Stdout, StringComparison.Ordinal);

        CliResult third = _cli.Run("demo");
        Assert.Contains($"Found a previous demo in {Path.Combine(_home.Path, "demo")}: starting it afresh.", third.Stdout);
    }

    private static JsonElement Step(JsonElement root, string name) =>
        root.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("step").GetString() == name);

    /// <summary>The output with its wrapped lines joined, to match a sentence wherever the terminal width broke it.</summary>
    private static string Unwrapped(string stdout) => stdout.Replace("\n", " ", StringComparison.Ordinal);

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
        Assert.Equal(["alice", "bob", "shop"], cards.List());
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
