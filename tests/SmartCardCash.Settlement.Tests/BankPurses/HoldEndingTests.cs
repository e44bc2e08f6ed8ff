using SmartCardCash.Purse;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>The bank ends holds its terminals left: those older than a cut-off, or those of one key, as their own end would.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class HoldEndingTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void Holds_older_than_the_cut_off_are_ended_and_newer_ones_kept(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 500_00);
        world.BankPurse(minted: 500_00);
        world.BankPurse(minted: 500_00);
        AccountId alice = world.Customer("alice", cash: 100_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        world.Authorise("old-load", alice, world.Card("a"), 10_00);
        world.Deposits.Open(new DepositRequest("old-deposit", shop, world.Card("till", PurseClass.Merchant).Id));
        Thread.Sleep(20);
        DateTimeOffset cutOff = DateTimeOffset.UtcNow;
        Thread.Sleep(20);
        world.Authorise("new-load", alice, world.Card("b"), 20_00);

        IReadOnlyList<Load> loads = world.Loads.EndHeldSince(cutOff);
        IReadOnlyList<Deposit> deposits = world.Deposits.EndHeldSince(cutOff);

        Assert.Equal(["old-load"], loads.Select(l => l.Id));
        Assert.Equal([(LoadState.Cancelled)], loads.Select(l => l.State));
        Assert.Equal([("old-deposit", DepositState.Cancelled)], deposits.Select(d => (d.Id, d.State)));
        Assert.True(world.Loads.Find("new-load")!.IsOpen);
        Assert.Equal(new AccountBalance(20_00, 0, 0, 100_00), world.Balance(alice)); // only the kept load's reservation
        Assert.Equal(2, world.Pool.List().Count(p => p.IsFree));
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_keys_open_payments_are_ended_by_their_id_prefix_and_no_other(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 500_00);
        world.BankPurse(minted: 500_00);
        AccountId alice = world.Customer("alice", cash: 100_00);
        world.Authorise("k1.load", alice, world.Card("a"), 10_00);
        world.Authorise("k2.load", alice, world.Card("b"), 10_00);

        IReadOnlyList<Load> ended = world.Loads.EndOpen("k1.");

        Assert.Equal(["k1.load"], ended.Select(l => l.Id));
        Assert.True(world.Loads.Find("k2.load")!.IsOpen);
        Assert.Empty(world.Loads.EndOpen("k1."));
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_hold_that_cannot_be_ended_now_is_reported_and_never_keeps_the_others_held(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse broken = world.BankPurse(minted: 500_00);
        world.BankPurse(minted: 500_00);
        AccountId alice = world.Customer("alice", cash: 100_00);
        WorldCard card = world.Card("a");
        Load first = world.Authorise("first", alice, card, 10_00);
        world.Authorise("second", alice, world.Card("b"), 10_00);
        Assert.Equal(broken.Id, first.BankPurse);
        PurseCard bank = world.LoadPurse("first").Purse; // the bank purse in epr: ending the load must abort it, on its image
        bank.Select();
        bank.VerifyCertificate(card.Result.Certificate);
        bank.StartFrom(card.Id, Money.Of(BankWorld.Eur, 10_00), card.Purse.Select().NextSequenceNumber);
        world.Bank.Tamper($"UPDATE bank_purses SET image = {(provider == StorageProvider.Sqlite ? "X'00'" : "'\\x00'::bytea")} WHERE id = '{broken.Id}'");
        var failures = new List<(string Id, Exception Error)>();

        IReadOnlyList<Load> ended = world.Loads.EndHeldSince(DateTimeOffset.UtcNow.AddMinutes(1), failures);

        Assert.Equal(["second"], ended.Select(l => l.Id));
        (string id, Exception error) = Assert.Single(failures);
        Assert.Equal("first", id);
        Assert.IsType<PurseImageKeyException>(error);
    }
}
