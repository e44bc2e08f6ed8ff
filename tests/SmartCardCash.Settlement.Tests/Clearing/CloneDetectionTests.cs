using SmartCardCash.Journal;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Hotlist;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>A real clone (a purse's card image copied: one key, one balance, one sequence number) pays two merchants;
/// clearing both journals proves it, hotlists the purse with both payments as evidence, and the issuer-signed hotlist
/// the bank then serves stops the purse at every terminal.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class CloneDetectionTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void A_copied_purse_paying_two_merchants_is_found_hotlisted_with_both_payments_and_refused_by_the_signed_list(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), shop = world.Merchant("shop"), kiosk = world.Merchant("kiosk");
        TestPurse copy = ClearingWorld.Clone(alice, "alice-copy");

        JournalEntry atShop = world.PayAndJournal(alice, shop, 2_000);
        JournalEntry atKiosk = world.PayAndJournal(copy, kiosk, 3_000);
        Assert.Equal((atShop.Payment.Details.From, atShop.Payment.Details.FromSeq), (atKiosk.Payment.Details.From, atKiosk.Payment.Details.FromSeq));

        // Each merchant's terminal deposits its own journal, as lines of the journal file.
        ClearingResult shopBatch = world.Clearing.ClearLines([JournalFormat.Encode(atShop)]);
        Assert.Equal(ClearingStatus.Cleared, Assert.Single(shopBatch.Records).Status);
        Assert.Equal(0u, world.Hotlist.Version);
        ClearingRecordResult found = Assert.Single(world.Clearing.ClearLines([JournalFormat.Encode(atKiosk)]).Records);
        Assert.Equal(ClearingStatus.CloneDetected, found.Status);
        Assert.Contains("it is cloned", found.Message);

        HotlistEntry entry = Assert.Single(world.Hotlist.Entries());
        Assert.Equal((alice.Id, HotlistReason.Cloned, 1u), (entry.Purse, entry.Reason, entry.Version));
        Assert.Contains(Iso7816.Hex.Encode(atShop.Payment.Details.Encoding), entry.Evidence);
        Assert.Contains(Iso7816.Hex.Encode(atKiosk.Payment.Details.Encoding), entry.Evidence);
        IReadOnlyList<ClearedVal> evidence = world.Clearing.CloneEvidence(alice.Id);
        Assert.Equal([atShop.Payment.Details, atKiosk.Payment.Details], evidence.Select(v => v.Payment.Details));
        Assert.All(evidence, v => Assert.True(v.Payment.Val.Verify(alice.Certificate.Body.PublicKey)));

        // Clearing both again changes nothing: not the evidence, not the list's version.
        ClearingResult again = world.Clearing.ClearLines([JournalFormat.Encode(atShop), JournalFormat.Encode(atKiosk)]);
        Assert.Equal([ClearingStatus.AlreadyCleared, ClearingStatus.CloneDetected], again.Records.Select(r => r.Status));
        Assert.Contains("on the hotlist already", again.Records[1].Message);
        Assert.Equal(1u, world.Hotlist.Version);
        Assert.Equal(2, world.Clearing.CloneEvidence(alice.Id).Count);

        // The signed list verifies, installs at a terminal, and the terminal refuses the purse (and its copy).
        SignedHotlist signed = world.Hotlist.Signed(world.Issuer);
        Assert.Equal(signed.Text, world.Hotlist.Signed(world.Issuer).Text);
        Assert.Equal(signed.Text, world.Hotlist.SignedVersion(1)!.Text);
        Assert.Equal([alice.Id], SignedHotlist.Verify(signed.Text, world.Issuer.Certificate).Purses);
        string home = Directory.CreateTempSubdirectory("scc-hotlist-").FullName;
        try
        {
            var file = SignedHotlistFile.InHome(home);
            Assert.True(file.Install(signed.Text, world.Issuer.Certificate).Changed);
            Purse.Payments.Hotlist honoured = file.Load(world.Issuer.Certificate)!.ToHotlist(file.FilePath);
            Assert.True(honoured.Contains(alice.Id));
            uint before = ClearingWorld.Balance(alice);
            PaymentOutcome refused = world.Pay(copy, shop, 100, honoured);
            Assert.Equal(PaymentOutcomeKind.NotStarted, refused.Kind);
            Assert.Equal(RefusalReason.Hotlisted, refused.Refusal?.Reason);
            Assert.Equal(before, ClearingWorld.Balance(alice));
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
        world.AssertBalanced();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_batch_cleared_twice_and_a_journal_holding_one_val_twice_store_each_val_once(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        TestPurse alice = world.Customer("alice", 10_000), shop = world.Merchant("shop");
        JournalEntry[] batch = [.. Enumerable.Range(1, 5).Select(i => world.PayAndJournal(alice, shop, (uint)(i * 10)))];
        JournalEntry[] withRepeat = [.. batch, batch[2]];

        ClearingResult first = world.Clearing.Clear(withRepeat);
        Assert.Equal((5, 1), (first.Count(ClearingStatus.Cleared), first.Count(ClearingStatus.AlreadyCleared)));
        Assert.Equal(ClearingStatus.AlreadyCleared, first.Records[5].Status);
        ClearingResult second = world.Clearing.Clear(withRepeat);
        Assert.Equal(6, second.Count(ClearingStatus.AlreadyCleared));
        Assert.Equal(batch[4].Payment.Details, world.Clearing.Find(alice.Id, batch[4].Payment.Details.FromSeq)!.Payment.Details);
        Assert.Empty(world.Hotlist.Entries());
        Assert.Empty(world.Clearing.CloneEvidence(alice.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public void The_hotlist_version_moves_exactly_when_its_content_does_and_each_version_keeps_one_signed_text(StorageProvider provider)
    {
        using var world = new ClearingWorld(storage.Create(provider));
        PurseId stolen = world.Issuer.PurseIdFor(77), other = world.Issuer.PurseIdFor(78);

        SignedHotlist empty = world.Hotlist.Signed(world.Issuer);
        Assert.Equal((1u, 0), (empty.Sequence, empty.Purses.Count));
        Assert.Equal(HotlistReason.Reported, world.Hotlist.Report(stolen, "reported stolen").Reason);
        world.Hotlist.Report(stolen, "reported again");
        Assert.Equal(2u, world.Hotlist.Version);
        SignedHotlist second = world.Hotlist.Signed(world.Issuer);
        Assert.Equal(2u, second.Sequence);
        Assert.Equal([stolen], second.Purses);
        world.Hotlist.Report(other, "lost");
        Assert.Equal(3u, world.Hotlist.Signed(world.Issuer).Sequence);
        Assert.Equal(empty.Text, world.Hotlist.SignedVersion(1)!.Text);
        Assert.Equal(second.Text, world.Hotlist.SignedVersion(2)!.Text);
        Assert.Equal("reported stolen", world.Hotlist.Find(stolen)!.Evidence);
    }
}
