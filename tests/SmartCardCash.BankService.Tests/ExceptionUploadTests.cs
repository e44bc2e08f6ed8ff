using System.Net;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Tests.Support;

namespace SmartCardCash.BankService.Tests;

/// <summary>Exception uploads over HTTP with real purses: definitely lost value refunded exactly once whatever the order
/// and repeats, the cards cleared with the bank's authorisation; a payer's 01 alone never refunded; a card that changed
/// after the upload refuses the clear and loses nothing; owed payments refunded once by the operator.</summary>
[Collection(ServiceCollection.Name)]
public sealed class ExceptionUploadTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Definitely_lost_value_is_refunded_exactly_once_payees_02_first_then_the_payers_01_twice_and_both_cards_clear(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PaymentDetails pd = PurseWorld.LoseInFlight(alice, bob, 1_250);
        BankClient terminal = await TerminalAsync(world);
        ExceptionUploadRequest fromAlice = PurseWorld.UploadOf(alice), fromBob = PurseWorld.UploadOf(bob);

        ExceptionUploadJson bobs = await terminal.UploadExceptionsAsync(fromBob);
        ExceptionUploadJson alices = await terminal.UploadExceptionsAsync(fromAlice);
        ExceptionUploadJson again = await terminal.UploadExceptionsAsync(fromAlice);
        ExceptionUploadJson bobsAgain = await terminal.UploadExceptionsAsync(fromBob);

        ArchivedRecordJson waiting = Assert.Single(bobs.Records);
        Assert.Equal(("02", "awaiting-payer-record", false), (waiting.Reason, waiting.Classification, waiting.AlreadyArchived));
        ArchivedRecordJson refunded = Assert.Single(alices.Records);
        Assert.Equal(("01", "refunded", false, alice.Id.ToString(), bob.Id.ToString(), 1_250L, "EUR"),
            (refunded.Reason, refunded.Classification, refunded.AlreadyArchived, refunded.Payer, refunded.Payee, refunded.Amount, refunded.Currency));
        Assert.Equal(("refunded", true), (Assert.Single(again.Records).Classification, Assert.Single(again.Records).AlreadyArchived));
        Assert.Equal("refunded", Assert.Single(bobsAgain.Records).Classification);
        Assert.Equal(1_250, world.AccountBalance("alice"));
        Assert.Single(world.Bank.Ledger.TransfersOf(new("customer.alice")), t => t.Code == TransferCode.Refund);
        Assert.DoesNotContain("customer.", string.Join(' ', alices, again, bobs), StringComparison.Ordinal);

        PurseWorld.Clear(alice, alices.ClearAuthorisation);
        PurseWorld.Clear(bob, bobs.ClearAuthorisation);
        Assert.Equal((0, 0), (PurseWorld.LogCount(alice), PurseWorld.LogCount(bob)));
        AuditJson audit = await world.Service.Operator.AuditAsync();
        Assert.True(audit.Balanced);
        Assert.Equal((0L, 1_250L), (audit.Currencies.Single().Suspense, audit.Currencies.Single().WrittenOff));
        Assert.Empty(audit.OpenLostPayments!);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_payers_01_first_stays_maybe_lost_until_the_payees_02_then_is_refunded_once(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PaymentDetails pd = PurseWorld.LoseInFlight(alice, bob, 700);
        BankClient terminal = await TerminalAsync(world);

        ExceptionUploadJson first = await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(alice));
        LostPaymentsJson open = await world.Service.Operator.LostPaymentsAsync();
        AuditJson inFlight = await world.Service.Operator.AuditAsync();
        ExceptionUploadJson second = await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(bob));
        await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(bob));

        Assert.Equal("maybe-lost", Assert.Single(first.Records).Classification);
        LostPaymentJson maybe = Assert.Single(open.Payments);
        Assert.Equal((Hex(pd), "maybe-lost", 700L, alice.Id.ToString()), (maybe.Pd, maybe.State, maybe.Amount, maybe.Payer));
        Assert.True(maybe.OpenSeconds >= 0);
        Assert.Equal(0, inFlight.Currencies.Single().Suspense); // a 01 alone moves no funds
        Assert.Equal("maybe-lost", Assert.Single(inFlight.OpenLostPayments!).State);
        Assert.Equal("refunded", Assert.Single(second.Records).Classification);
        Assert.Equal(700, world.AccountBalance("alice"));
        Assert.Empty((await world.Service.Operator.LostPaymentsAsync()).Payments);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_payers_01_alone_is_never_refunded_and_the_card_is_cleared_all_the_same(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(alice, bob, Money.Of(Currency.Eur, 300));
        alice.Purse.Req(req);
        alice.Purse.Abort();                   // alice logs 01; bob, still in epv, never logs 02
        BankClient terminal = await TerminalAsync(world);

        for (int i = 0; i < 3; i++)
        {
            ExceptionUploadJson upload = await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(alice));
            Assert.Equal("maybe-lost", Assert.Single(upload.Records).Classification);
            if (i == 2)
            {
                PurseWorld.Clear(alice, upload.ClearAuthorisation);
            }
        }

        Assert.Equal(0, world.AccountBalance("alice"));
        Assert.Equal(0, PurseWorld.LogCount(alice));
        Assert.Equal(Hex(pd), Assert.Single((await world.Service.Operator.LostPaymentsAsync()).Payments).Pd);
        Assert.True((await world.Service.Operator.AuditAsync()).Balanced);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_card_that_logged_another_record_after_the_upload_refuses_the_clear_and_the_next_visit_clears_both(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        PurseWorld.LoseInFlight(alice, bob, 100);
        BankClient terminal = await TerminalAsync(world);
        ExceptionUploadJson first = await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(alice));

        PurseWorld.LoseInFlight(alice, bob, 200);
        Assert.Throws<WrongStateException>(() => PurseWorld.Clear(alice, first.ClearAuthorisation));
        Assert.Equal(2, PurseWorld.LogCount(alice));
        ExceptionUploadJson second = await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(alice));
        PurseWorld.Clear(alice, second.ClearAuthorisation);

        Assert.Equal([true, false], second.Records.Select(r => r.AlreadyArchived));
        Assert.Equal(0, PurseWorld.LogCount(alice));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_owed_payment_is_listed_until_the_operator_refunds_it_to_an_account_once(StorageProvider provider)
    {
        await using PurseWorld world = await PurseWorld.StartAsync(storage, provider);
        TestPurse alice = world.Customer("alice", 10_000, linked: false), bob = world.Customer("bob", 0);
        PurseWorld.LoseInFlight(alice, bob, 400);
        BankClient terminal = await TerminalAsync(world);
        await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(bob));

        Assert.Equal("owed", Assert.Single((await terminal.UploadExceptionsAsync(PurseWorld.UploadOf(alice))).Records).Classification);
        Assert.Equal("owed", Assert.Single((await world.Service.Operator.LostPaymentsAsync()).Payments).State);
        RefundOwedJson refund = await world.Service.Operator.RefundOwedAsync(alice.Id.ToString(), new RefundOwedRequest("customer.alice"));
        RefundOwedJson repeat = await world.Service.Operator.RefundOwedAsync(alice.Id.ToString(), new RefundOwedRequest("customer.alice"));
        BankApiException unknown = await Assert.ThrowsAsync<BankApiException>(() =>
            world.Service.Operator.RefundOwedAsync(bob.Id.ToString(), new RefundOwedRequest("customer.nobody")));

        Assert.Equal(("refunded", 400L), (Assert.Single(refund.Refunded).State, refund.Refunded[0].Amount));
        Assert.Empty(repeat.Refunded);
        Assert.Equal(400, world.AccountBalance("alice"));
        Assert.Equal((HttpStatusCode.NotFound, "UnknownAccount"), ((HttpStatusCode)unknown.Status, unknown.Problem.Reason));
        Assert.Empty((await world.Service.Operator.LostPaymentsAsync()).Payments);
        Assert.True((await world.Service.Operator.AuditAsync()).Balanced);
    }

    internal static async Task<BankClient> TerminalAsync(PurseWorld world) =>
        world.Service.Client((await world.Service.Operator.IssueKeyAsync(new(ApiRoles.Terminal))).Token);

    private static string Hex(PaymentDetails pd) => Iso7816.Hex.Encode(pd.Encoding);
}
