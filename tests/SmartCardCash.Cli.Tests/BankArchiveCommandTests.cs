using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// scc bank clear, scc bank exceptions, scc hotlist fetch and the operator's hotlist, lost and holder commands, end to
/// end: scc bank serve in process (SQLite in the home, the home's issuer), real emulated cards, journals written by
/// scc pay. The database-level behaviour runs on SQLite and PostgreSQL in the service's tests.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BankArchiveCommandTests : TemporaryHomeTests
{
    public BankArchiveCommandTests()
    {
        _home.BankAliceAndBob();
    }

    [Fact]
    public void A_clone_from_a_copied_card_image_paying_two_merchants_is_cleared_hotlisted_fetched_and_then_refused_by_pay()
    {
        _home.NewCard("shop", "merchant");
        _home.NewCard("rival", "merchant");
        string card = Path.Combine(_home.Path, "cards", "alice.card"), copy = card + ".copy";
        File.Copy(card, copy);
        Assert.Equal(0, Pay("alice", "shop", "5").ExitCode);
        File.Copy(copy, card, overwrite: true);                  // the copy pays too: same key, same sequence number
        Assert.Equal(0, Pay("alice", "rival", "7").ExitCode);
        using BackgroundScc serve = Serve();
        string terminal = TerminalKey();

        CliResult clear = _cli.Run("bank", "clear", "--key-file", terminal);
        CliResult again = _cli.Run("bank", "clear", "--key-file", terminal, "--json");
        CliResult fetch = _cli.Run("hotlist", "fetch", "--key-file", terminal);
        CliResult refetch = _cli.Run("hotlist", "fetch", "--key-file", terminal, "--json");
        CliResult pay = Pay("alice", "bob", "1");
        CliResult entries = _cli.Run("bank", "hotlist", "list", "--json");
        CliResult holder = _cli.Run("bank", "holder", BankBooks.PurseId(_home, "alice"));

        string alice = BankBooks.PurseId(_home, "alice");
        Assert.Equal(0, clear.ExitCode);
        Assert.Contains("Uploaded 3 payments from", clear.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 cleared, 0 already cleared, 1 clone detected, 0 refused.", clear.Stdout, StringComparison.Ordinal);
        Assert.Equal($"scc: warning: CLONE DETECTED: purse {alice} signed two different payments with sequence number 2; the bank put it " +
            "on the hotlist (run 'scc hotlist fetch' to refuse it here)", clear.SingleErrorLine());
        using (JsonDocument json = JsonDocument.Parse(again.Stdout))
        {
            JsonElement result = json.RootElement.GetProperty("clearing");
            Assert.Equal((0, 2, 1), (result.GetProperty("cleared").GetInt32(), result.GetProperty("alreadyCleared").GetInt32(),
                result.GetProperty("clonesDetected").GetInt32()));
        }
        Assert.Equal(0, fetch.ExitCode);
        Assert.Contains($"Installed issuer 5343430A's hotlist 1 of", fetch.Stdout, StringComparison.Ordinal);
        Assert.Contains("(1 purses)", fetch.Stdout, StringComparison.Ordinal);
        Assert.False(JsonDocument.Parse(refetch.Stdout).RootElement.GetProperty("changed").GetBoolean());
        Assert.Equal(6, pay.ExitCode);
        Assert.Contains($"(purse {alice}) is on the hotlist", pay.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal("cloned", JsonDocument.Parse(entries.Stdout).RootElement.GetProperty("entries")[0].GetProperty("reason").GetString());
        Assert.Equal(2, holder.ExitCode);                        // no load linked alice's purse to an account
        Assert.Contains($"no load linked purse {alice} to an account", holder.SingleErrorLine(), StringComparison.Ordinal);
    }

    [Fact]
    public void Definitely_lost_value_is_refunded_once_through_scc_bank_exceptions_and_both_cards_are_cleared()
    {
        using BackgroundScc serve = Serve();
        BankBooks.Loaded(_home, "alice", 100_00);
        string terminal = TerminalKey();
        PaymentCards.StartAndStop(_home, "alice", "bob", 500, PurseInstruction.Val);   // alice debited, bob never credited

        CliResult bob = _cli.Run("bank", "exceptions", "--card", "bob", "--abort-transfer", "--key-file", terminal);
        CliResult alice = _cli.Run("bank", "exceptions", "--card", "alice", "--abort-transfer", "--key-file", terminal);
        CliResult empty = _cli.Run("bank", "exceptions", "--card", "alice", "--key-file", terminal, "--json");
        CliResult account = _cli.Run("bank", "account", "show", "customer.alice", "--json");
        CliResult audit = _cli.Run("bank", "audit", "--json");

        Assert.True(bob.ExitCode == 0, bob.Stderr);
        Assert.Contains("0 refunded, 0 owed, 0 maybe lost, 1 awaiting the payer's record, 0 arrived", bob.Stdout, StringComparison.Ordinal);
        Assert.Contains("The card's exception log is cleared (1 record).", bob.Stdout, StringComparison.Ordinal);
        Assert.True(alice.ExitCode == 0, alice.Stderr);
        Assert.Contains("1 refunded, 0 owed", alice.Stdout, StringComparison.Ordinal);
        Assert.Contains("definitely lost; refunded once", alice.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("customer.alice", alice.Stdout, StringComparison.Ordinal);
        Assert.Null(JsonDocument.Parse(empty.Stdout).RootElement.GetProperty("upload").GetString());
        Assert.Equal(500, JsonDocument.Parse(account.Stdout).RootElement.GetProperty("balance").GetInt64());
        Assert.True(JsonDocument.Parse(audit.Stdout).RootElement.GetProperty("balanced").GetBoolean());
        Assert.Equal((TransferState.Idle, TransferState.Idle), (PaymentCards.State(_home, "alice"), PaymentCards.State(_home, "bob")));
    }

    [Fact]
    public void A_payers_01_alone_stays_maybe_lost_listed_for_the_operator_and_is_not_refunded()
    {
        using BackgroundScc serve = Serve();
        BankBooks.Loaded(_home, "alice", 100_00);
        string terminal = TerminalKey();
        PaymentCards.StartAndStop(_home, "alice", "bob", 300, PurseInstruction.Val);

        CliResult alice = _cli.Run("bank", "exceptions", "--card", "alice", "--abort-transfer", "--key-file", terminal);
        CliResult lost = _cli.Run("bank", "lost", "list");
        CliResult lostJson = _cli.Run("bank", "lost", "list", "--json");
        CliResult account = _cli.Run("bank", "account", "show", "customer.alice", "--json");

        Assert.True(alice.ExitCode == 0, alice.Stderr);
        Assert.Contains("0 refunded, 0 owed, 1 maybe lost", alice.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 open: a maybe-lost payment waits for its payee's record", lost.Stdout, StringComparison.Ordinal);
        Assert.Equal("maybe-lost", JsonDocument.Parse(lostJson.Stdout).RootElement.GetProperty("payments")[0].GetProperty("state").GetString());
        Assert.Equal(0, JsonDocument.Parse(account.Stdout).RootElement.GetProperty("balance").GetInt64());
    }

    [Fact]
    public void Fetch_refuses_an_older_a_tampered_or_another_issuers_list_with_exit_6_and_keeps_the_installed_one()
    {
        using BackgroundScc serve = Serve();
        string terminal = TerminalKey();
        Issuing.Issuer issuer = _home.Issuer.Load();
        SignedHotlistFile installed = SignedHotlistFile.InHome(_home.Path);
        installed.Install(issuer.SignHotlist(50, new DateOnly(2026, 12, 1), []).Text, issuer.Certificate);

        CliResult older = _cli.Run("hotlist", "fetch", "--key-file", terminal);
        SignedHotlist current = issuer.SignHotlist(60, new DateOnly(2026, 12, 7), [PurseId.Parse("5343430A00000002")]);
        string tampered = current.Text.Replace("5343430A00000002", "5343430A00000003", StringComparison.Ordinal);
        CliResult changed = FetchFrom(tampered, terminal);
        CliResult unsigned = FetchFrom("5343430A00000002\n", terminal);

        Assert.Equal(6, older.ExitCode);
        Assert.Contains("is older than hotlist 50, which this terminal has installed: not taken; the installed list stays", older.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(6, changed.ExitCode);
        Assert.Contains("the bank's hotlist is refused", changed.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(6, unsigned.ExitCode);
        Assert.Contains("it is not a signed hotlist", unsigned.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(50u, installed.Load(issuer.Certificate)!.Sequence);
    }

    [Fact]
    public void The_operator_reports_a_stolen_purse_and_a_terminal_key_may_not_ask_who_holds_it()
    {
        using BackgroundScc serve = Serve();
        BankBooks.Loaded(_home, "alice", 100_00);
        string alice = BankBooks.PurseId(_home, "alice");
        string terminal = TerminalKey();

        CliResult notListed = _cli.Run("bank", "holder", alice);
        CliResult report = _cli.Run("bank", "hotlist", "report", alice, "--note", "stolen at the station");
        CliResult holder = _cli.Run("bank", "holder", alice);
        CliResult asTerminal = _cli.Run("bank", "holder", alice, "--key-file", terminal);
        CliResult badPurse = _cli.Run("bank", "hotlist", "report", "alice", "--note", "x");
        CliResult noIssuerKey = _cli.Run("bank", "clear", "--key-file", terminal);    // nothing but the bank's own loads in the journal

        Assert.Equal(2, notListed.ExitCode);
        Assert.Contains("is not on the hotlist", notListed.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(0, report.ExitCode);
        Assert.Contains($"Purse {alice} is on the hotlist from version 1", report.Stdout, StringComparison.Ordinal);
        Assert.Equal($"Purse {alice} (hotlisted: reported) was loaded from account customer.alice.\n", holder.Stdout);
        Assert.Equal(6, asTerminal.ExitCode);
        Assert.Contains("needs operator", asTerminal.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(2, badPurse.ExitCode);
        Assert.Contains("the bank refused the request: purse 'alice' is not a purse ID", badPurse.SingleErrorLine(), StringComparison.Ordinal);
        Assert.Equal(0, noIssuerKey.ExitCode);
    }

    private CliResult Pay(string from, string to, string amount) =>
        _cli.Run("pay", "--from", from, "--to", to, "--amount", amount, "--currency", "EUR");

    private string TerminalKey()
    {
        string file = Path.Combine(_home.Path, "terminal.key");
        CliResult issued = _cli.Run("bank", "key", "issue", "--role", "terminal", "--out", file);
        Assert.True(issued.ExitCode == 0, issued.Stderr);
        return file;
    }

    private BackgroundScc Serve()
    {
        var serve = new BackgroundScc(_cli, "bank", "serve", "--listen", "127.0.0.1:0");
        string line = serve.WaitForLine("listening on");
        _cli.Environment["SCC_BANK_URL"] = line.Split(' ').Single(w => w.StartsWith("http://", StringComparison.Ordinal));
        serve.WaitForLine("Stop it with Ctrl+C.");
        return serve;
    }

    /// <summary>scc hotlist fetch from a bank that answers <paramref name="signed"/> as its list (an attacker in the middle).</summary>
    private CliResult FetchFrom(string signed, string keyFile)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        string body = JsonSerializer.Serialize(new { version = 60, date = "2026-12-07", purses = Array.Empty<string>(), signed });
        Task answer = Task.Run(async () =>
        {
            using TcpClient client = await listener.AcceptTcpClientAsync();
            using NetworkStream stream = client.GetStream();
            byte[] buffer = new byte[8192];
            _ = await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false);
            byte[] bytes = Encoding.UTF8.GetBytes(body);
            await stream.WriteAsync(Encoding.ASCII.GetBytes(
                $"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {bytes.Length}\r\nConnection: close\r\n\r\n"));
            await stream.WriteAsync(bytes);
        });
        try
        {
            return _cli.Run("hotlist", "fetch", "--key-file", keyFile, "--bank", $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        }
        finally
        {
            answer.Wait(TimeSpan.FromSeconds(10));
            listener.Stop();
        }
    }
}
