using SmartCardCash.Issuing;
using SmartCardCash.Journal;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Clearing;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>Forged vals, forged exception records, certificates of another issuer or key, unknown purses and malformed
/// records are refused with a reason; nothing is stored or posted for them.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class RefusalTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void A_forged_val_is_refused_per_record_while_the_rest_of_the_batch_clears(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), shop = world.Merchant("shop");
        JournalEntry honest = world.PayAndJournal(alice, shop, 100), other = world.PayAndJournal(alice, shop, 200);
        // The second payment's details, claiming 20.00 more, under the first one's genuine signature.
        PaymentDetails inflated = new(alice.Id, shop.Id, Currency.Eur.Code, 2_200, other.Payment.Details.FromSeq, other.Payment.Details.ToSeq);
        var forged = new JournalEntry(DateTimeOffset.UnixEpoch, "pay",
            new SignedPayment(new ProtectedMessage(MessageType.Val, inflated, honest.Payment.Val.Signature)));
        long transfers = world.Bank.Ledger.Audit().Transfers;

        ClearingResult result = world.Clearing.ClearLines([JournalFormat.Encode(forged), "{not a journal line}", JournalFormat.Encode(honest)]);

        Assert.Equal([ClearingStatus.Refused, ClearingStatus.Refused, ClearingStatus.Cleared], result.Records.Select(r => r.Status));
        Assert.Equal([ClearingRefusal.SignatureInvalid, ClearingRefusal.Malformed, null], result.Records.Select(r => r.Refusal));
        Assert.Equal($"Record 1 (purse {alice.Id}, sequence number {inflated.FromSeq}): the val is not signed by purse {alice.Id}'s certified key.",
            result.Records[0].Message);
        Assert.StartsWith("Record 2: it is not a journal record", result.Records[1].Message);
        Assert.Null(world.Clearing.Find(alice.Id, inflated.FromSeq));
        Assert.Equal(transfers, world.Bank.Ledger.Audit().Transfers);
        world.AssertBalanced();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_val_of_another_issuers_purse_is_refused_and_nothing_is_stored(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        var foreign = new TestWorld(Issuer.Create(new IssuerId(0x0BADC0DE), TestWorld.Today));
        TestPurse mallory = foreign.Issued("mallory", PurseClass.Bank), eve = foreign.Issued("eve", PurseClass.Customer);
        mallory.Purse.Select();
        mallory.Purse.Mint(foreign.Issuer, Money.Of(Currency.Eur, 5_000));
        PaymentOutcome paid = new PaymentCoordinator().Pay(mallory.Purse, eve.Purse, new PaymentRequest(Money.Of(Currency.Eur, 500)),
            new PaymentPolicy(foreign.Issuer.Certificate, time: foreign.Time));
        TestPurse alice = world.Customer("alice", 1_000), shop = world.Merchant("shop");
        JournalEntry ours = world.PayAndJournal(alice, shop, 10);
        // A val that comes without its certificate clears with the one the bank registered.
        var withoutCertificate = new JournalEntry(DateTimeOffset.UnixEpoch, "receive", new SignedPayment(ours.Payment.Val));

        ClearingResult result = world.Clearing.Clear([new JournalEntry(DateTimeOffset.UnixEpoch, "pay", paid.SignedPayment!)]);

        ClearingRecordResult refused = Assert.Single(result.Records);
        Assert.Equal((ClearingStatus.Refused, ClearingRefusal.CertificateRefused), (refused.Status, refused.Refusal));
        Assert.Contains("is issuer 0BADC0DE's, not this bank's issuer 5343430A's", refused.Message);
        Assert.Null(world.Registry.Find(mallory.Id));
        Assert.Null(world.Clearing.Find(mallory.Id, paid.SignedPayment!.Details.FromSeq));
        Assert.Equal(ClearingStatus.Cleared, Assert.Single(world.Clearing.Clear([withoutCertificate]).Records).Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_purse_the_bank_never_registered_clears_only_with_its_certificate_which_is_then_registered(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse bob = world.Issued("bob", PurseClass.Customer, registered: false), shop = world.Merchant("shop");
        Assert.Equal(PaymentOutcomeKind.Completed, world.Pay(world.BankPurse, bob, 500).Kind);
        JournalEntry paid = world.PayAndJournal(bob, shop, 50);
        var bare = new JournalEntry(paid.Recorded, paid.Source, new SignedPayment(paid.Payment.Val, paid.Payment.Ack));

        ClearingRecordResult unknown = Assert.Single(world.Clearing.Clear([bare]).Records);
        Assert.Equal(ClearingRefusal.UnknownPurse, unknown.Refusal);
        Assert.Null(world.Registry.Find(bob.Id));

        Assert.Equal(ClearingStatus.Cleared, Assert.Single(world.Clearing.Clear([paid]).Records).Status);
        Assert.True(world.Registry.Find(bob.Id)!.Encoded.SequenceEqual(bob.Certificate.Encoded));
        Assert.Equal(ClearingStatus.AlreadyCleared, Assert.Single(world.Clearing.Clear([bare]).Records).Status);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_certificate_signed_by_another_key_under_the_issuers_id_is_refused(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        Issuer impostor = Issuer.Create(world.Issuer.Id, TestWorld.Today);
        PurseCertificate forged = impostor.IssuePurseCertificate(world.Issuer.PurseIdFor(99), PurseClass.Customer, [Currency.Eur.Code],
            world.Issuer.PublicKey, TestWorld.Today);

        CertificateRefusedException refused = Assert.Throws<CertificateRefusedException>(() => world.Registry.Register(forged));
        Assert.Equal(CertificateRefusal.SignatureInvalid, refused.Reason);
        Assert.Null(world.Registry.Find(forged.Body.Holder));
        Assert.Equal(CertificateRefusal.ContentInvalid,
            Assert.Throws<CertificateRefusedException>(() => world.Registry.Register(world.Issuer.Certificate)).Reason);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_forged_exception_record_or_a_foreign_certificate_refuses_the_whole_upload_with_nothing_stored_or_posted(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), bob = world.Customer("bob", 0);
        ClearingWorld.LoseInFlight(alice, bob, 100);
        ClearingWorld.LoseInFlight(alice, bob, 200);
        ExceptionUpload genuine = ClearingWorld.UploadOf(alice);
        ExceptionLogEntry[] records = [.. genuine.Records];
        records[1] = records[1] with { Signature = records[0].Signature };
        long transfers = world.Bank.Ledger.Audit().Transfers;

        ArchiveRefusedException forged = Assert.Throws<ArchiveRefusedException>(() =>
            world.Archive.Upload(new ExceptionUpload(genuine.Certificate, genuine.IssuerCounter, records)));
        Assert.Equal(ArchiveRefusal.SignatureInvalid, forged.Reason);
        Assert.Equal($"record 1 of purse {alice.Id}'s exception log is not signed by the purse's certified key: nothing of the upload was archived.",
            forged.Message);

        var foreignIssuer = new TestWorld(Issuer.Create(new IssuerId(0x0BADC0DE), TestWorld.Today));
        PurseCertificate foreign = foreignIssuer.Issued("mallory", PurseClass.Customer).Certificate;
        Assert.Equal(ArchiveRefusal.CertificateRefused, Assert.Throws<ArchiveRefusedException>(() =>
            world.Archive.Upload(new ExceptionUpload(foreign, 0, []))).Reason);
        Assert.Equal(ArchiveRefusal.Malformed, Assert.Throws<ArchiveRefusedException>(() =>
            world.Archive.Upload(new ExceptionUpload(bob.Certificate, 0, genuine.Records))).Reason);
        Assert.Equal(ArchiveRefusal.Malformed, Assert.Throws<ArchiveRefusedException>(() =>
            world.Archive.Upload(new ExceptionUpload(genuine.Certificate, genuine.IssuerCounter, [genuine.Records[1]]))).Reason);

        Assert.Equal(0, world.Archive.RecordCount(alice.Id));
        Assert.Empty(world.Archive.OpenPayments());
        Assert.Equal(transfers, world.Bank.Ledger.Audit().Transfers);
        Assert.Equal(0, world.AssertBalanced().Suspense);
    }
}
