using System.Globalization;
using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// scc deposit retried with its request ID after the terminal died between START and VAL: whatever the cut left, the
/// same deposit ends credited exactly once (a payment that moved nothing is paid anew in that deposit), and a further
/// retry pays nothing.
/// </summary>
/// <remarks>The merchant card's commands in a deposit: 1 SELECT, 2 GET DATA pending, 3 GET DATA balances, 4 SELECT,
/// 5 GET DATA certificate, 6 VERIFY CERTIFICATE, 7 START FROM, 8 REQ, 9 ACK (the bank purse's START TO comes between 7
/// and 8, its VAL between 8 and 9).</remarks>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DepositRetryCommandTests : TemporaryHomeTests
{
    private readonly string _shopKey;

    public DepositRetryCommandTests()
    {
        _home.InitIssuer();
        _home.NewCard("alice", "customer");
        _home.NewCard("shop", "merchant");
        _shopKey = Path.Combine(_home.Path, "shop.key");
    }

    [Theory]
    [InlineData("SCC_CRASH_AFTER_APDU", 7, false)]  // the card in epr, the bank purse idle: nothing moved, paid anew
    [InlineData("SCC_CRASH_BEFORE_APDU", 8, false)] // the card in epr, the bank purse in epv: the recovery finishes it
    [InlineData("SCC_CRASH_BEFORE_APDU", 8, true)]  // ... and the card given up: the bank aborts its purse, paid anew
    [InlineData("SCC_CRASH_AFTER_APDU", 8, false)]  // the card in epa: the val resumed
    [InlineData("SCC_CRASH_BEFORE_APDU", 9, false)] // the bank purse credited, the card's ack missing
    public void A_deposit_cut_mid_payment_is_finished_by_its_request_id_and_credited_once(string crashPoint, int command, bool cardGivenUp)
    {
        using BackgroundScc serve = BankServer.Serve(_cli);
        SetUpBankAndPay();
        _cli.Environment[crashPoint] = command.ToString(CultureInfo.InvariantCulture);
        _cli.CrashProcess = () => throw new OperationCanceledException("the terminal died");
        _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-cut");
        _cli.Environment.Remove(crashPoint);
        if (cardGivenUp)
        {
            Ok("recover", "--abandon", "--card", "shop");
        }

        CliResult retry = _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-cut", "--json");
        CliResult again = _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-cut", "--json");
        CliResult merchant = _cli.Run("bank", "account", "show", "merchant.shop", "--json");
        CliResult purses = _cli.Run("bank", "purses", "list", "--json");

        Assert.True(retry.ExitCode == 0, retry.Stdout + retry.Stderr);
        JsonElement deposit = JsonDocument.Parse(retry.Stdout).RootElement.GetProperty("deposit");
        Assert.Equal(("credited", 30_00), (deposit.GetProperty("state").GetString(), deposit.GetProperty("amount").GetInt64()));
        // A deposit the recovery finished is over: the bank still answers what is true of it, never "cannot be reached".
        Assert.DoesNotContain("cannot be reached", retry.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, again.ExitCode);
        Assert.Equal(JsonValueKind.Null, JsonDocument.Parse(again.Stdout).RootElement.GetProperty("payment").ValueKind);
        Assert.Equal(29_45, JsonDocument.Parse(merchant.Stdout).RootElement.GetProperty("balance").GetInt64()); // once
        Assert.Equal(0u, PaymentCards.Balance(_home, "shop"));
        JsonElement purse = JsonDocument.Parse(purses.Stdout).RootElement.GetProperty("purses")[0];
        Assert.Equal((1030_00 - 40_00, "idle"), (purse.GetProperty("balance").GetInt64(), purse.GetProperty("state").GetString()));
        Assert.Equal(0, _cli.Run("bank", "audit").ExitCode);
    }

    [Fact]
    public void A_retry_whose_earlier_payment_moved_nothing_says_so_before_paying_again()
    {
        using BackgroundScc serve = BankServer.Serve(_cli);
        SetUpBankAndPay();
        _cli.Environment["SCC_CRASH_AFTER_APDU"] = "7";
        _cli.CrashProcess = () => throw new OperationCanceledException("the terminal died");
        _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-cut");
        _cli.Environment.Remove("SCC_CRASH_AFTER_APDU");

        CliResult retry = _cli.Run("deposit", "--card", "shop", "--key-file", _shopKey, "--request-id", "deposit-cut");

        Assert.Equal(0, retry.ExitCode);
        Assert.Contains("The interrupted payment moved nothing (", retry.Stdout, StringComparison.Ordinal);
        Assert.Contains("paying again in deposit deposit-cut.", retry.Stdout, StringComparison.Ordinal);
        Assert.Contains("Deposited EUR 30.00 into merchant.shop: fee EUR 0.55, credited EUR 29.45 (deposit deposit-cut).", retry.Stdout,
            StringComparison.Ordinal);
    }

    /// <summary>The bank (<see cref="BankFloor"/>), alice loaded 40.00 and paying the shop 30.00.</summary>
    private void SetUpBankAndPay()
    {
        string terminalKey = Path.Combine(_home.Path, "terminal.key");
        BankFloor.SetUp(_cli, terminalKey, _shopKey);
        Ok("load", "--card", "alice", "--account", "customer.alice", "--amount", "40.00", "--currency", "EUR", "--key-file", terminalKey);
        Ok("pay", "--from", "alice", "--to", "shop", "--amount", "30.00", "--currency", "EUR");
    }

    private CliResult Ok(params string[] args) => BankFloor.Ok(_cli, args);
}
