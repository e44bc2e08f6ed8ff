using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests;

/// <summary>scc recover and scc recover --abandon on payments left as interruptions leave them.</summary>
public sealed class RecoverCommandTests : TemporaryHomeTests
{
    public RecoverCommandTests() => _home.BankAliceAndBob();

    [Fact]
    public void Recover_finishes_a_payment_left_with_the_payer_in_epr_and_the_payee_in_epv()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Req);

        CliResult result = _cli.Run("recover", "--from", "alice", "--to", "bob", "--json");

        Assert.Equal(0, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("completed", json.RootElement.GetProperty("outcome").GetString());
        Assert.Contains("RESUME on bob gave its req; REQ to alice, VAL to bob and ACK to alice finished the payment.",
            json.RootElement.GetProperty("recovery").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(700u, PaymentCards.Balance(_home, "bob"));
    }

    [Fact]
    public void Abandoning_a_payer_in_epa_logs_the_value_exit_5_and_says_where_the_record_is()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Val);

        CliResult result = _cli.Run("recover", "--abandon", "--card", "alice");

        Assert.Equal(5, result.ExitCode);
        const string next = "the bank refunds it only when the payee's matching record (reason 02) shows it never arrived: " +
            "scc log --exceptions --card emu:alice shows alice's record";
        Assert.Equal("scc: the payment did not complete (value logged): the value is in alice's exception log (reason 01), for " +
            "the bank; next: " + next, result.SingleErrorLine());
        Assert.StartsWith("Abandoned alice's payment of EUR 7.00 to purse 5343430A00000003", result.Stdout);
        Assert.Contains("The payment is maybe lost", result.Stdout.Replace('\n', ' '));
        Assert.Contains("│ Value              │ in alice's exception log (reason 01), for the bank", result.Stdout);
        Assert.Contains("Next: " + next, result.Stdout.Replace("\n  ", " "));
        CliResult log = _cli.Run("log", "--exceptions", "--card", "alice", "--json");
        Assert.Contains("\"reason\": \"payer aborted in epa\"", log.Stdout);

        CliResult again = _cli.Run("recover", "--abandon", "--card", "alice");
        Assert.Equal(0, again.ExitCode);
        Assert.Contains("Nothing to abandon: alice has no transfer in progress.", again.Stdout);

        // bob still waits, and alice kept her val: recovering the pair delivers it, so bob has the value and alice's
        // record (reason 01) is no ground for a refund (spec 4.4(6)).
        CliResult settle = _cli.Run("recover", "--from", "alice", "--to", "bob");
        Assert.Equal(0, settle.ExitCode);
        Assert.Contains("alice had aborted it meanwhile, so its exception log also holds a record (reason 01) for it: the bank " +
            "never refunds that record", settle.Stdout.Replace('\n', ' '));
        Assert.Equal(TransferState.Idle, PaymentCards.State(_home, "bob"));
        Assert.Equal(700u, PaymentCards.Balance(_home, "bob"));
    }

    [Fact]
    public void Abandoning_a_payee_in_epv_puts_it_in_the_payee_slot()
    {
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Req);

        CliResult result = _cli.Run("recover", "--abandon", "--card", "bob", "--json");

        Assert.Equal(5, result.ExitCode);
        using JsonDocument json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("emu:bob", json.RootElement.GetProperty("payee").GetProperty("card").GetString());
        Assert.Equal("purse 5343430A00000002", json.RootElement.GetProperty("payer").GetProperty("card").GetString());
        Assert.Equal("unknown", json.RootElement.GetProperty("value").GetString());
    }

    [Fact]
    public void Recovering_purses_with_nothing_between_them_exits_0_and_with_someone_else_exits_1()
    {
        Assert.Equal(0, _cli.Run("recover", "--from", "alice", "--to", "bob").ExitCode);

        _home.NewCard("carol", "customer");
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Val);
        CliResult wrong = _cli.Run("recover", "--from", "alice", "--to", "carol");
        Assert.Equal(1, wrong.ExitCode);
        Assert.Contains("alice's unfinished transfer is EUR 7.00", wrong.SingleErrorLine());
        Assert.Equal(TransferState.ExpectingAck, PaymentCards.State(_home, "alice"));
    }

    [Theory]
    [InlineData("recover")]
    [InlineData("recover --from alice")]
    [InlineData("recover --abandon --from alice --to bob")]
    [InlineData("recover --from alice --to bob --card alice")]
    [InlineData("recover --from alice --to alice")]
    public void Incomplete_or_contradictory_options_are_usage_errors(string line)
    {
        CliResult result = _cli.Run(line.Split(' '));

        Assert.Equal(2, result.ExitCode);
        result.SingleErrorLine();
    }
}
