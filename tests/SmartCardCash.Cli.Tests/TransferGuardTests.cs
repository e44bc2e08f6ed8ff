using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// The commands whose card command aborts a transfer in progress first (READ LOG of the exception log, MINT) refuse
/// while one is in progress, unless --abort-transfer asks for the abort: a payment scc recover can finish stays finishable.
/// </summary>
public sealed class TransferGuardTests : TemporaryHomeTests
{
    public TransferGuardTests() => _home.BankAliceAndBob();

    [Fact]
    public void Log_exceptions_on_a_payer_cut_at_val_refuses_exit_5_and_leaves_the_payment_finishable()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Val);

        CliResult refused = _cli.Run("log", "--exceptions", "--card", "alice");

        Assert.Equal(ExitCodes.PaymentInterrupted, refused.ExitCode);
        Assert.Equal("scc: alice is in the middle of a transfer (epa, EUR 7.00 from purse 5343430A00000002 to purse " +
            "5343430A00000003) and reading its exception log would abort it; it can still be finished: scc recover --from " +
            "emu:alice --to CARD, where CARD is the card of purse 5343430A00000003; or run again with --abort-transfer to " +
            "abort it (the value in flight then goes to the exception log for the bank)", refused.SingleErrorLine());
        Assert.Equal("", refused.Stdout);
        Assert.Equal(TransferState.ExpectingAck, PaymentCards.State(_home, "alice"));

        CliResult recovered = _cli.Run("recover", "--from", "alice", "--to", "bob");
        Assert.Equal(0, recovered.ExitCode);
        Assert.Equal(700u, PaymentCards.Balance(_home, "bob"));
    }

    [Fact]
    public void Log_exceptions_on_a_payee_in_epv_names_the_payer_as_the_card_to_find()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Req);

        CliResult refused = _cli.Run("log", "--exceptions", "--card", "bob", "--json");

        Assert.Equal(ExitCodes.PaymentInterrupted, refused.ExitCode);
        Assert.Contains("(epv, EUR 7.00 from purse 5343430A00000002 to purse 5343430A00000003)", refused.SingleErrorLine());
        Assert.Contains("scc recover --from CARD --to emu:bob, where CARD is the card of purse 5343430A00000002", refused.Stderr);
        Assert.Equal("", refused.Stdout);
        Assert.Equal(TransferState.ExpectingVal, PaymentCards.State(_home, "bob"));
    }

    [Fact]
    public void Abort_transfer_aborts_says_so_and_the_value_is_in_the_exception_log()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Val);

        CliResult human = _cli.Run("log", "--exceptions", "--card", "alice", "--abort-transfer");

        Assert.Equal(0, human.ExitCode);
        Assert.StartsWith("Aborted the transfer in progress on alice (epa, EUR 7.00 from purse 5343430A00000002 to purse " +
            "5343430A00000003): it had been debited, so the amount is now in its exception log (reason 01) for the bank.\n",
            human.Stdout);
        Assert.Contains("│ 0 │ payer aborted in epa │", human.Stdout);
        Assert.Equal(TransferState.Idle, PaymentCards.State(_home, "alice"));

        // Nothing in progress any more: the flag is harmless and JSON says nothing was aborted.
        CliResult json = _cli.Run("log", "--exceptions", "--card", "alice", "--abort-transfer", "--json");
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        Assert.Equal(JsonValueKind.Null, document.RootElement.GetProperty("abortedTransfer").ValueKind);
    }

    [Fact]
    public void Abort_transfer_in_json_describes_the_aborted_transfer()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Req);

        CliResult result = _cli.Run("log", "--exceptions", "--card", "bob", "--abort-transfer", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument document = JsonDocument.Parse(result.Stdout);
        JsonElement aborted = document.RootElement.GetProperty("abortedTransfer");
        Assert.Equal("epv", aborted.GetProperty("state").GetString());
        Assert.Equal("7.00", aborted.GetProperty("payment").GetProperty("amount").GetProperty("amount").GetString());
        Assert.Contains("exception log (reason 02)", aborted.GetProperty("note").GetString());
        Assert.Equal("payee aborted in epv", Assert.Single(document.RootElement.GetProperty("exceptions").EnumerateArray())
            .GetProperty("reason").GetString());
    }

    [Fact]
    public void Mint_into_a_bank_purse_mid_transfer_refuses_and_mints_with_abort_transfer()
    {
        PaymentCards.StartAndStop(_home, "bank", "bob", 500, PurseInstruction.Val);

        CliResult refused = _cli.Run("mint", "--card", "bank", "--amount", "10", "--currency", "EUR");

        Assert.Equal(ExitCodes.PaymentInterrupted, refused.ExitCode);
        Assert.Contains("bank is in the middle of a transfer (epa, EUR 5.00", refused.SingleErrorLine());
        Assert.Contains("and a MINT would abort it", refused.Stderr);
        Assert.Equal(TransferState.ExpectingAck, PaymentCards.State(_home, "bank"));
        Assert.Single(File.ReadAllLines(_home.Issuer.JournalPath));

        CliResult minted = _cli.Run("mint", "--card", "bank", "--amount", "10", "--currency", "EUR", "--abort-transfer");

        Assert.Equal(0, minted.ExitCode);
        Assert.StartsWith("Aborted the transfer in progress on bank (epa, EUR 5.00", minted.Stdout);
        Assert.Contains("Minted EUR 10.00 into bank", minted.Stdout);
        Assert.Equal(2, File.ReadAllLines(_home.Issuer.JournalPath).Length);
    }
}
