using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.BankService.Tests;

/// <summary>The bank purse over HTTP fails as a card does: no answer (the network, or a database that did not commit)
/// is a communication failure, so the coordinator's recovery finishes the payment once the bank answers again.</summary>
[Collection(ServiceCollection.Name)]
public sealed class BankPurseChannelTests(BankStorageFixture storage)
{
    [Fact]
    public void A_bank_that_cannot_be_reached_is_the_channel_s_communication_failure()
    {
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/"), Timeout = TimeSpan.FromSeconds(5) };
        using BankPurseChannel channel = BankPurseChannel.ForLoad(new BankClient(http, "scc_0123456789abcdef_" + new string('0', 64)), "load-1");

        CardCommunicationException failure = Assert.Throws<CardCommunicationException>(() => channel.Transmit([0x00, 0xA4, 0x04, 0x00]));

        Assert.IsType<BankUnreachableException>(failure.InnerException);
        Assert.StartsWith("bank:load/load-1: the bank at http://127.0.0.1:9/ cannot be reached", failure.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_command_whose_transaction_does_not_commit_gives_no_answer_and_the_load_is_recovered_once_the_bank_commits_again(StorageProvider provider)
    {
        await using TestService service = await TestService.StartAsync(storage, provider);
        PaymentFloor floor = await PaymentFloor.SetUpAsync(service, minted: 1_000_00, cash: 300_00);
        TerminalCard card = floor.Card("alice-card");
        await floor.AuthoriseAsync("load-1", card, 50_00);
        // From the 4th command on, the bank cannot write its purse's image: each such command is a 503 with no answer.
        var failing = new FailingChannel(BankPurseChannel.ForLoad(floor.Terminal, "load-1"), at: 4, () => FailImageWrites(service.Bank));

        PaymentOutcome cut = floor.Coordinator.Pay(PurseCard.Open(failing, "bank"), card.Purse, PaymentFloor.Request(50_00), floor.Policy);
        AllowImageWrites(service.Bank);
        PaymentOutcome recovered = floor.Coordinator.Recover(floor.LoadPurse("load-1"), card.Purse);
        LoadJson ended = await floor.Terminal.EndLoadAsync("load-1");

        CardCommunicationException noAnswer = Assert.IsType<CardCommunicationException>(failing.Failure);
        Assert.Equal(503, Assert.IsType<BankApiException>(noAnswer.InnerException).Status);
        Assert.NotEqual(PaymentOutcomeKind.Completed, cut.Kind);
        Assert.True(ended.State == "completed" ? card.Balance() == 50_00 : ended.State == "cancelled" && card.Balance() == 0,
            $"paid {cut.Kind}, recovered {recovered.Kind}, load {ended.State}, card {card.Balance()}");
        await floor.AssertBooksAgreeAsync();
    }

    private static void FailImageWrites(TestBank bank) => bank.Tamper(bank.Provider == StorageProvider.Sqlite
        ? "CREATE TRIGGER fail_image BEFORE UPDATE OF image ON bank_purses BEGIN SELECT RAISE(ABORT, 'injected write failure'); END"
        : "CREATE FUNCTION fail_image() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected write failure'; END $$ LANGUAGE plpgsql; " +
          "CREATE TRIGGER fail_image BEFORE UPDATE OF image ON bank_purses FOR EACH ROW EXECUTE FUNCTION fail_image()");

    private static void AllowImageWrites(TestBank bank) => bank.Tamper(bank.Provider == StorageProvider.Sqlite
        ? "DROP TRIGGER fail_image"
        : "DROP TRIGGER fail_image ON bank_purses; DROP FUNCTION fail_image()");

    /// <summary>Makes the bank's writes fail just before the <paramref name="at"/>th command reaches it; keeps the first failure seen.</summary>
    private sealed class FailingChannel(ICardChannel inner, int at, Action fail) : ICardChannel
    {
        private int _count;

        public Exception? Failure { get; private set; }

        public string Name => inner.Name;

        public ReadOnlyMemory<byte> Atr => inner.Atr;

        public CardProtocol Protocol => inner.Protocol;

        public byte[] Transmit(ReadOnlySpan<byte> command)
        {
            if (_count++ == at)
            {
                fail();
            }
            try
            {
                return inner.Transmit(command);
            }
            catch (CardCommunicationException e)
            {
                Failure ??= e;
                throw;
            }
        }

        public void Dispose() => inner.Dispose();
    }
}
