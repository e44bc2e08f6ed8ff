using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// Local files the user may not read or write: each is local data (exit 7), said in one true sentence naming the path,
/// never "no issuer yet", never an internal error, never advice to delete a card that may hold value. The homes are
/// made here (as root, in-process) and scc runs as another user, as after <c>sudo scc issuer init</c>.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PermissionDeniedTests : TemporaryHomeTests
{
    private string Cards => Path.Combine(_home.Path, "cards");

    [UnprivilegedFact]
    public void An_issuer_folder_of_another_user_is_unreadable_not_missing()
    {
        _home.InitIssuer();
        string expected = $"scc: the issuer folder {_home.Path}/issuer cannot be read (permission denied)";

        foreach (string[] command in new[]
        {
            new[] { "issuer", "show" },
            ["issuer", "init"],
            ["mint", "--card", "bank", "--amount", "5", "--currency", "EUR"],
            ["card", "new", "bob", "--class", "customer", "--currency", "EUR", "--lock-code", "1234"],
        })
        {
            CliResult result = UnprivilegedScc.Run(_home.Path, command);

            Assert.True(ExitCodes.LocalData == result.ExitCode, $"scc {string.Join(' ', command)}: {result.Stderr}");
            Assert.Equal(expected, result.SingleErrorLine());
        }
        Assert.False(Directory.Exists(Cards));
        CliResult pay = UnprivilegedScc.Run(_home.Path, "pay", "--from", "bank", "--to", "alice", "--amount", "5", "--currency", "EUR");
        Assert.Equal(ExitCodes.LocalData, pay.ExitCode);
        Assert.Equal($"scc: the issuer certificate {_home.Issuer.CertificatePath} cannot be read (permission denied)", pay.SingleErrorLine());
    }

    [UnprivilegedFact]
    public void Pay_with_a_cards_folder_that_cannot_be_written_pays_nothing_and_says_why()
    {
        _home.BankAndAlice();
        UnprivilegedScc.GiveTo(_home.Path);
        File.SetUnixFileMode(Cards, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        CliResult result = UnprivilegedScc.Run(_home.Path, "pay", "--from", "bank", "--to", "alice", "--amount", "5", "--currency", "EUR");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Equal($"scc: nothing was paid: the image of card 'bank' cannot be saved in {Cards} (permission denied); nothing was debited",
            result.SingleErrorLine());
        Assert.Equal("", result.Stdout);
        Assert.Equal(100_000u, PaymentCards.Balance(_home, "bank"));
        Assert.Equal(0u, PaymentCards.Balance(_home, "alice"));
    }

    [UnprivilegedFact]
    public void Mint_with_a_cards_folder_that_cannot_be_written_leaves_the_intent_for_reconcile_and_says_so()
    {
        _home.BankAndAlice();
        UnprivilegedScc.GiveTo(_home.Path);
        File.SetUnixFileMode(Cards, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        CliResult minted = UnprivilegedScc.Run(_home.Path, "mint", "--card", "bank", "--amount", "7", "--currency", "EUR");

        Assert.Equal(ExitCodes.LocalData, minted.ExitCode);
        string line = minted.SingleErrorLine();
        Assert.StartsWith("scc: the MINT of EUR 7.00 into bank (purse 5343430A00000001, issuer counter 1) was sent, but the image " +
            $"of card 'bank' cannot be saved in {Cards} (permission denied)", line);
        Assert.EndsWith($"The intent stays open in {_home.Issuer.IntentsPath}; once the card can be saved, " +
            "'scc mint --reconcile --card emu:bank' reads the purse and settles it", line);
        Assert.Single(_home.Issuer.OpenMintIntents());

        File.SetUnixFileMode(Cards, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        CliResult reconciled = UnprivilegedScc.Run(_home.Path, "mint", "--reconcile", "--card", "bank");

        Assert.Equal(0, reconciled.ExitCode);
        Assert.Contains("did not take effect", reconciled.Stdout);
        Assert.Empty(_home.Issuer.OpenMintIntents());
        Assert.Equal(100_000u, PaymentCards.Balance(_home, "bank"));
    }

    [UnprivilegedFact]
    public void An_image_that_cannot_be_read_is_unreadable_not_damaged_and_is_not_deleted()
    {
        _home.BankAndAlice();
        UnprivilegedScc.GiveTo(_home.Path);
        string alice = Path.Combine(Cards, "alice.card");
        File.SetUnixFileMode(alice, UnixFileMode.None);

        CliResult listed = UnprivilegedScc.Run(_home.Path, "card", "list", "--json");
        CliResult table = UnprivilegedScc.Run(_home.Path, "card", "list");
        CliResult deleted = UnprivilegedScc.Run(_home.Path, "card", "delete", "alice");

        Assert.Equal(0, listed.ExitCode);
        JsonElement row = JsonDocument.Parse(listed.Stdout).RootElement.EnumerateArray().Single(r => r.GetProperty("name").GetString() == "alice");
        Assert.Equal("unreadable (permission denied)", row.GetProperty("status").GetString());
        Assert.DoesNotContain("delete", row.GetProperty("problem").GetString());
        Assert.Equal(0, table.ExitCode);
        Assert.DoesNotContain("damaged", table.Stdout);
        Assert.Equal(ExitCodes.LocalData, deleted.ExitCode);
        Assert.Equal($"scc: card 'alice' is not deleted: it cannot be read (Access to the path '{alice}' is denied), so whether " +
            "it holds value cannot be checked", deleted.SingleErrorLine());
        Assert.True(File.Exists(alice));
    }

    [UnprivilegedFact]
    public void A_hotlist_in_a_folder_of_another_user_is_unreadable_not_missing_and_nothing_is_paid()
    {
        _home.BankAndAlice();
        UnprivilegedScc.GiveTo(_home.Path);
        string locked = Path.Combine(_home.Path, "locked");
        Directory.CreateDirectory(locked);
        File.WriteAllText(Path.Combine(locked, "hotlist.txt"), "# nobody barred\n");
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string hotlist = Path.Combine(locked, "hotlist.txt");

        CliResult result = UnprivilegedScc.Run(_home.Path, "pay", "--from", "bank", "--to", "alice", "--amount", "5",
            "--currency", "EUR", "--hotlist", hotlist);

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Equal($"scc: the hotlist {hotlist} cannot be read (permission denied); no payment is made without it",
            result.SingleErrorLine());
        Assert.Equal(100_000u, PaymentCards.Balance(_home, "bank"));
        Assert.Equal(0u, PaymentCards.Balance(_home, "alice"));
    }
}
