using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc load, scc deposit and scc bank purses end to end: scc bank serve in process holding the home's issuer,
/// emulated cards, the terminal journal, and the exit codes.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class LoadDepositCommandTests : TemporaryHomeTests
{
    private readonly string _terminalKey;
    private readonly string _shopKey;

    public LoadDepositCommandTests()
    {
        _home.InitIssuer();
        _home.NewCard("alice", "customer");
        _home.NewCard("shop", "merchant");
        _terminalKey = Path.Combine(_home.Path, "terminal.key");
        _shopKey = Path.Combine(_home.Path, "shop.key");
    }

    [Fact]
    public void A_load_and_a_deposit_move_the_money_keep_their_vals_in_the_journal_and_the_books_balance()
    {
        using BackgroundScc serve = BankServer.Serve(_cli);
        SetUpBank();

        CliResult load = _cli.Run("load", "--card", "alice", "--account", "customer.alice", "--amount", "40.00", "--currency", "EUR",
            "--key-file", _terminalKey, "--request-id", "load-1");
        CliResult retry = _cli.Run("load", "--card", "alice", "--account", "customer.alice", "--amount", "40.00", "--currency", "EUR",
            "--key-file", _terminalKey, "--request-id", "load-1", "--json");
        CliResult pay = _cli.Run("pay", "--from", "alice", "--to", "shop", "--amount", "30.00", "--currency", "EUR");
        CliResult deposit = _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-1", "--json");
        CliResult account = _cli.Run("bank", "account", "show", "customer.alice", "--json");
        CliResult merchant = _cli.Run("bank", "account", "show", "merchant.shop", "--json");
        CliResult audit = _cli.Run("bank", "audit", "--json");
        CliResult purses = _cli.Run("bank", "purses", "list", "--json");
        CliResult clearAgain = _cli.Run("bank", "clear", "--key-file", _shopKey, "--json");

        Assert.All([load, retry, pay, deposit, account, merchant, audit, purses, clearAgain], r => Assert.True((0, "") == (r.ExitCode, r.Stderr), r.Stderr));
        Assert.Contains("Load load-1 (to retry it: --request-id load-1)", load.Stdout, StringComparison.Ordinal);
        Assert.Contains("Paid EUR 40.00 from the bank to alice.", load.Stdout, StringComparison.Ordinal);
        Assert.Contains("The bank debited EUR 40.00 from customer.alice for load load-1; the card has it.", load.Stdout, StringComparison.Ordinal);
        using (JsonDocument again = JsonDocument.Parse(retry.Stdout))
        {
            Assert.Equal("completed", again.RootElement.GetProperty("load").GetProperty("state").GetString());
            Assert.Equal(JsonValueKind.Null, again.RootElement.GetProperty("payment").ValueKind); // nothing paid twice
        }
        using (JsonDocument deposited = JsonDocument.Parse(deposit.Stdout))
        {
            JsonElement d = deposited.RootElement.GetProperty("deposit");
            Assert.Equal(("credited", 30_00, 55, 29_45), (d.GetProperty("state").GetString(), d.GetProperty("amount").GetInt64(),
                d.GetProperty("fee").GetInt64(), d.GetProperty("credited").GetInt64()));
            Assert.Equal("completed", deposited.RootElement.GetProperty("payment").GetProperty("outcome").GetString());
            // The deposit uploaded the journal after its payment: the pay's val is new to the bank, the deposit's own
            // was cleared when the bank purse took it.
            JsonElement clearing = deposited.RootElement.GetProperty("journalUpload").GetProperty("clearing");
            Assert.Equal("deposit-1.journal", clearing.GetProperty("requestId").GetString());
            Assert.Equal(["cleared", "cleared", "already-cleared"], clearing.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
            Assert.Equal((30_00, "pay"), (clearing.GetProperty("records")[1].GetProperty("amount").GetInt64(),
                JsonDocument.Parse(File.ReadAllLines(Path.Combine(_home.Path, "journal", "payments.jsonl"))[1]).RootElement.GetProperty("source").GetString()));
        }
        // The bank holds all three: the same journal again clears nothing new.
        JsonElement again3 = JsonDocument.Parse(clearAgain.Stdout).RootElement.GetProperty("clearing");
        Assert.Equal((0, 3), (again3.GetProperty("cleared").GetInt32(), again3.GetProperty("alreadyCleared").GetInt32()));
        Assert.Equal(60_00, JsonDocument.Parse(account.Stdout).RootElement.GetProperty("balance").GetInt64());
        Assert.Equal(29_45, JsonDocument.Parse(merchant.Stdout).RootElement.GetProperty("balance").GetInt64());
        Assert.True(JsonDocument.Parse(audit.Stdout).RootElement.GetProperty("balanced").GetBoolean());
        Assert.Equal(990_00, JsonDocument.Parse(purses.Stdout).RootElement.GetProperty("purses")[0].GetProperty("balance").GetInt64());
        string[] journal = File.ReadAllLines(Path.Combine(_home.Path, "journal", "payments.jsonl"));
        Assert.Equal(["load", "pay", "deposit"], journal.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()));
        Assert.Equal((10_00u, 0u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "shop")));
    }

    [Fact]
    public void A_deposit_whose_journal_upload_fails_keeps_its_own_exit_code_and_says_how_to_upload_the_journal_later()
    {
        using BackgroundScc serve = BankServer.Serve(_cli);
        SetUpBank();
        Ok("load", "--card", "alice", "--account", "customer.alice", "--amount", "20.00", "--currency", "EUR", "--key-file", _terminalKey);
        Ok("pay", "--from", "alice", "--to", "shop", "--amount", "12.00", "--currency", "EUR");
        string journal = Path.Combine(_home.Path, "journal", "payments.jsonl");
        string[] before = File.ReadAllLines(journal);
        File.WriteAllLines(journal, ["{\"damaged\": true}", .. before]); // the upload cannot read it; the deposit does not need to

        CliResult deposit = _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-2");
        CliResult json = _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-2", "--json");

        Assert.Equal(0, deposit.ExitCode);
        Assert.Contains("Deposited EUR 12.00 into merchant.shop", deposit.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Uploaded the journal", deposit.Stdout, StringComparison.Ordinal);
        string line = deposit.SingleErrorLine();
        Assert.StartsWith("scc: the journal was not uploaded for clearing (the journal ", line, StringComparison.Ordinal);
        Assert.Contains("line 1 is damaged", line, StringComparison.Ordinal);
        Assert.EndsWith($"the deposit stands as reported, and 'scc bank clear' uploads the journal {journal} later", line, StringComparison.Ordinal);
        Assert.Equal(0, json.ExitCode);
        JsonElement upload = JsonDocument.Parse(json.Stdout).RootElement.GetProperty("journalUpload");
        Assert.Equal(JsonValueKind.Null, upload.GetProperty("clearing").ValueKind);
        Assert.Contains("line 1 is damaged", upload.GetProperty("notUploaded").GetString(), StringComparison.Ordinal);
        Assert.Equal(["{\"damaged\": true}", .. before], File.ReadAllLines(journal).Take(before.Length + 1)); // kept as it was, plus the deposit's val
        Assert.Equal(0u, PaymentCards.Balance(_home, "shop"));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(8)]
    public void A_load_whose_terminal_died_mid_payment_is_finished_by_a_retry_with_its_request_id_and_never_paid_twice(int command)
    {
        using BackgroundScc serve = BankServer.Serve(_cli);
        SetUpBank();
        _cli.Environment["SCC_CRASH_AFTER_APDU"] = command.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _cli.CrashProcess = () => throw new OperationCanceledException("the terminal died");
        _cli.Run("load", "--card", "alice", "--account", "customer.alice", "--amount", "5.00", "--currency", "EUR",
            "--key-file", _terminalKey, "--request-id", "load-cut");
        _cli.Environment.Remove("SCC_CRASH_AFTER_APDU");

        CliResult retry = _cli.Run("load", "--card", "alice", "--account", "customer.alice", "--amount", "5.00", "--currency", "EUR",
            "--key-file", _terminalKey, "--request-id", "load-cut", "--json");
        CliResult again = _cli.Run("load", "--card", "alice", "--account", "customer.alice", "--amount", "5.00", "--currency", "EUR",
            "--key-file", _terminalKey, "--request-id", "load-cut", "--json");
        CliResult account = _cli.Run("bank", "account", "show", "customer.alice", "--json");
        CliResult audit = _cli.Run("bank", "audit");

        Assert.True(retry.ExitCode == 0, retry.Stdout + retry.Stderr);
        Assert.Equal("completed", JsonDocument.Parse(retry.Stdout).RootElement.GetProperty("load").GetProperty("state").GetString());
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(5_00u, PaymentCards.Balance(_home, "alice"));
        Assert.Equal(95_00, JsonDocument.Parse(account.Stdout).RootElement.GetProperty("balance").GetInt64());
        Assert.Equal(0, audit.ExitCode);
    }

    [Fact]
    public void Bad_input_a_refused_key_and_a_bank_that_is_down_each_give_one_line_and_their_exit_code()
    {
        using BackgroundScc serve = BankServer.Serve(_cli);
        SetUpBank();
        string[] load = ["load", "--card", "alice", "--account", "customer.alice", "--currency", "EUR"];

        (CliResult Result, int Code, string Says)[] cases =
        [
            (_cli.Run([.. load, "--amount", "2x", "--key-file", _terminalKey]), 2, "--amount"),
            (_cli.Run([.. load, "--amount", "500.00", "--key-file", _terminalKey]), 2, "customer.alice has"),
            (_cli.Run([.. load, "--amount", "1.00", "--key-file", _shopKey]), 6, "needs terminal"),
            (_cli.Run([.. load, "--amount", "1.00", "--key-file", _terminalKey, "--holder-credential-file", _shopKey]), 6, "credential"),
            (_cli.Run([.. load, "--amount", "1.00", "--key-file", _terminalKey, "--bank", $"http://127.0.0.1:{BankServer.UnusedPort()}/"]), 3, "cannot be reached"),
            (_cli.Run("deposit", "--card", "shop", "--key-file", _terminalKey), 6, "needs merchant-terminal"),
            (_cli.Run("deposit", "--card", "shop", "--key-file", _shopKey), 2, "shop holds no EUR"),
            (_cli.Run("bank", "purses", "mint", "--purse", "0000000000000001", "--amount", "1", "--request-id", "m-9"), 2, "has no purse"),
        ];

        foreach ((CliResult result, int code, string says) in cases)
        {
            string line = result.SingleErrorLine();
            Assert.True(code == result.ExitCode, $"exit {result.ExitCode}: {line}");
            Assert.Contains(says, line, StringComparison.Ordinal);
        }
        Assert.Equal(0u, PaymentCards.Balance(_home, "alice"));
        Assert.Equal(0, _cli.Run("bank", "audit").ExitCode);
    }

    private void SetUpBank() => BankFloor.SetUp(_cli, _terminalKey, _shopKey);

    private CliResult Ok(params string[] args) => BankFloor.Ok(_cli, args);
}
