using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>The archive's issuer-signed CLEAR EXCEPTION LOG, sent by a terminal that holds no issuer key, clears exactly
/// the records archived: never one the card logged after the upload. A log filled with unfunded 02s is archived and
/// cleared in one visit.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class ClearAuthorisationTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void The_authorisation_clears_exactly_the_archived_records_and_not_one_logged_after_the_upload(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        ClearingWorld.LoseInFlight(alice, bob, 100);
        ArchiveResult archived = world.Archive.Upload(ClearingWorld.UploadOf(alice));
        PaymentDetails later = ClearingWorld.LoseInFlight(alice, bob, 200);

        alice.Purse.Select();
        Assert.Throws<WrongStateException>(() => alice.Purse.ClearExceptionLog(archived.ClearAuthorisation));
        Assert.Equal(2, ClearingWorld.LogCount(alice));

        ArchiveResult again = world.Archive.Upload(ClearingWorld.UploadOf(alice));
        Assert.Equal([true, false], again.Records.Select(r => r.AlreadyArchived));
        Assert.Equal(later, again.Records[1].Record.Details);
        alice.Purse.Select();
        alice.Purse.ClearExceptionLog(again.ClearAuthorisation);
        Assert.Equal(0, ClearingWorld.LogCount(alice));
        Assert.Equal(2, world.Archive.RecordCount(alice.Id));
        Assert.Equal(2, world.Archive.OpenPayments().Count);
        Assert.Equal((0L, 2, 300L), (world.AssertBalanced().Suspense, world.Bank.Ledger.Audit().OpenLostValue.Single().MaybeLostCount,
            world.Bank.Ledger.Audit().OpenLostValue.Single().MaybeLostValue));

        // Used once: the counter moved on, so the same authorisation never verifies again.
        alice.Purse.Select();
        Assert.Throws<WrongStateException>(() => alice.Purse.ClearExceptionLog(again.ClearAuthorisation));
        Assert.Throws<ArgumentException>(() => alice.Purse.ClearExceptionLog(
            world.Issuer.Authorise(IssuerAuthorisation.Deactivate(alice.Id, alice.Purse.GetStatus().IssuerCounter))));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_log_filled_with_unfunded_02s_by_start_to_after_start_to_is_archived_and_cleared_in_one_visit(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        for (int i = 0; i < PurseConstants.ExceptionLogCapacity; i++)
        {
            TestWorld.AbortedStartTo(alice, bob);
        }
        Assert.Throws<ExceptionLogFullException>(() => TestWorld.AbortedStartTo(alice, bob));
        Assert.NotEqual(Purse.Payments.PaymentOutcomeKind.Completed, world.Pay(alice, bob, 100).Kind);

        ArchiveResult archived = world.Archive.Upload(ClearingWorld.UploadOf(bob));
        Assert.Equal(PurseConstants.ExceptionLogCapacity, archived.Records.Count);
        Assert.All(archived.Records, r => Assert.Equal(ExceptionClassification.AwaitingPayerRecord, r.Classification));
        bob.Purse.Select();
        bob.Purse.ClearExceptionLog(archived.ClearAuthorisation);

        Assert.Equal(0, ClearingWorld.LogCount(bob));
        Assert.Equal(Purse.Payments.PaymentOutcomeKind.Completed, world.Pay(alice, bob, 100).Kind);
        Assert.Empty(world.Archive.OpenPayments());
        Assert.Equal(0, world.AssertBalanced().Suspense);
    }
}
