using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Hotlist;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>What proves that a payment arrived: the payer signs its val before the payee has it, so any relaying host
/// holds a val; only a val with the payee's verified ack closes a payment as arrived. The payee's 02 beats an ack-less
/// val; an ack and a 02 for one PD prove the payee purse was cloned.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class ArrivalEvidenceTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void An_ack_less_val_never_beats_the_payees_02_whatever_the_order_and_the_payer_is_refunded_once(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0), carol = world.Customer("carol", 0);
        (PaymentDetails toBob, SignedPayment valToBob) = LoseWithValHeld(alice, bob, 800);
        (PaymentDetails toCarol, SignedPayment valToCarol) = LoseWithValHeld(alice, carol, 300);

        // The relaying host uploads the val it held before the payer's 01 (to bob) and after it (to carol).
        Assert.Equal(ClearingStatus.Cleared, Assert.Single(world.Clearing.Clear([Relayed(valToBob)]).Records).Status);
        Assert.All(world.Archive.Upload(ClearingWorld.UploadOf(alice)).Records, r => Assert.Equal(ExceptionClassification.MaybeLost, r.Classification));
        ClearingRecordResult late = Assert.Single(world.Clearing.Clear([Relayed(valToCarol)]).Records);
        Assert.Equal(ClearingStatus.Cleared, late.Status);
        Assert.DoesNotContain("arrived", late.Message);
        Assert.Equal(2, world.Archive.OpenPayments().Count);

        Assert.Equal(ExceptionClassification.Refunded, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(bob)).Records).Classification);
        Assert.Equal(ExceptionClassification.Refunded, Assert.Single(world.Archive.Upload(ClearingWorld.UploadOf(carol)).Records).Classification);
        Assert.Equal(ClearingStatus.AlreadyCleared, Assert.Single(world.Clearing.Clear([Relayed(valToBob)]).Records).Status);

        Assert.Equal((LostPaymentState.Refunded, LostPaymentState.Refunded), (world.Archive.Find(toBob)!.State, world.Archive.Find(toCarol)!.State));
        Assert.Equal(1_100, world.AccountBalance("alice"));
        Assert.Empty(world.Hotlist.Entries());
        Assert.Equal((0L, 1_100L), (world.AssertBalanced().Suspense, world.AssertBalanced().WrittenOff));
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_ack_the_bank_cannot_verify_proves_nothing_until_the_payees_certificate_is_registered(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Issued("bob", PurseClass.Customer, registered: false);
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(alice, bob, Money.Of(Currency.Eur, 500));
        alice.Purse.Req(req);
        world.Coordinator.Abandon(alice.Purse);
        PaymentOutcome recovered = world.Coordinator.Recover(alice.Purse, bob.Purse);
        Assert.NotNull(recovered.SignedPayment!.Ack);
        world.Archive.Upload(ClearingWorld.UploadOf(alice));

        ClearingRecordResult cleared = Assert.Single(world.Clearing.Clear([Relayed(recovered.SignedPayment)]).Records);
        Assert.Equal(ClearingStatus.Cleared, cleared.Status);
        Assert.Contains("cannot verify its ack", cleared.Message);
        Assert.Equal(LostPaymentState.MaybeLost, world.Archive.Find(pd)!.State);

        world.Registry.Register(bob.Certificate);
        Assert.Contains("the value arrived", Assert.Single(world.Clearing.Clear([Relayed(recovered.SignedPayment)]).Records).Message);
        Assert.Equal(LostPaymentState.Arrived, world.Archive.Find(pd)!.State);
        Assert.Equal(0, world.AccountBalance("alice"));
        world.AssertBalanced();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_verified_ack_and_the_payees_02_for_one_payment_hotlist_the_payee_as_cloned_in_either_order(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0), carol = world.Customer("carol", 0);

        // Each payee is copied in epv: the original takes the val and acks, the copy aborts and logs 02.
        (SignedPayment toBob, TestPurse bobCopy) = PayACopiedPayee(alice, bob, 400);
        (SignedPayment toCarol, TestPurse carolCopy) = PayACopiedPayee(alice, carol, 600);

        Assert.Equal(ClearingStatus.Cleared, Assert.Single(world.Clearing.Clear([Relayed(toBob)]).Records).Status);
        Assert.Empty(world.Hotlist.Entries());
        world.Archive.Upload(ClearingWorld.UploadOf(bobCopy));
        world.Archive.Upload(ClearingWorld.UploadOf(carolCopy));
        ClearingRecordResult found = Assert.Single(world.Clearing.Clear([Relayed(toCarol)]).Records);
        Assert.Contains("Payee purse", found.Message);
        Assert.Contains("cloned", found.Message);

        Assert.Equal(new[] { bob.Id.ToString(), carol.Id.ToString() }.Order(StringComparer.Ordinal), world.Hotlist.Entries().Select(e => e.Purse.ToString()).Order(StringComparer.Ordinal));
        HotlistEntry bobs = world.Hotlist.Find(bob.Id)!;
        Assert.Equal(HotlistReason.Cloned, bobs.Reason);
        Assert.Contains(Iso7816.Hex.Encode(toBob.Ack!.Signature), bobs.Evidence);
        Assert.Contains(Iso7816.Hex.Encode(toBob.Details.Encoding), bobs.Evidence);
        Assert.Equal(0, world.AccountBalance("alice"));
        world.AssertBalanced();
    }

    /// <summary>A payment whose val the payer signed and a host kept, then both purses aborted: 01 and 02.</summary>
    private static (PaymentDetails, SignedPayment) LoseWithValHeld(TestPurse payer, TestPurse payee, uint cents)
    {
        (PaymentDetails pd, ProtectedMessage req) = TestWorld.Start(payer, payee, Money.Of(Currency.Eur, cents));
        ProtectedMessage val = payer.Purse.Req(req);
        payer.Purse.Abort();
        payee.Purse.Abort();
        return (pd, new SignedPayment(val));
    }

    private static (SignedPayment, TestPurse Copy) PayACopiedPayee(TestPurse payer, TestPurse payee, uint cents)
    {
        (_, ProtectedMessage req) = TestWorld.Start(payer, payee, Money.Of(Currency.Eur, cents));
        TestPurse copy = ClearingWorld.Clone(payee, payee.Name + "-copy");
        ProtectedMessage val = payer.Purse.Req(req);
        ProtectedMessage ack = payee.Purse.Val(val);
        payer.Purse.Ack(ack);
        copy.Purse.Select();
        copy.Purse.Abort();
        return (new SignedPayment(val, ack), copy);
    }

    private static JournalEntry Relayed(SignedPayment payment) => new(DateTimeOffset.UnixEpoch, "relay", payment);
}
