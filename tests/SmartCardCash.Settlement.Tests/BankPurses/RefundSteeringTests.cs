using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>
/// Whose account a purse's refunds go to is set only by value really loaded from that account. Naming a purse in a load
/// that moves nothing, or in a deposit, steers nothing; and a bank purse is never a load's payee or a deposit's payer.
/// </summary>
[Collection(BankStorageCollection.Name)]
public sealed class RefundSteeringTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void Only_a_load_that_paid_links_the_purse_to_its_account(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 100_00), mallory = world.Customer("mallory", cash: 100_00);
        WorldCard aliceCard = world.Card("alice-card");
        world.LoadCard("load-alice", alice, aliceCard, 20_00);
        var links = new PurseAccounts(world.Bank.Database);

        // Mallory names alice's purse in a load of her own, then ends it: no value moved, so nothing is linked.
        world.Authorise("steer", mallory, aliceCard, 1);
        Load ended = world.Loads.End("steer");

        Assert.Equal(LoadState.Cancelled, ended.State);
        Assert.Equal(alice, links.Find(aliceCard.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_deposit_that_names_a_customers_purse_links_nothing(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 100_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        WorldCard aliceCard = world.Card("alice-card");
        world.LoadCard("load-alice", alice, aliceCard, 20_00);

        world.Deposits.Open(new DepositRequest("steer", shop, aliceCard.Id));
        world.Deposits.End("steer");

        Assert.Equal(alice, new PurseAccounts(world.Bank.Database).Find(aliceCard.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_bank_purse_is_never_a_loads_payee_nor_a_deposits_payer(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 100_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);

        BankPurseRefusedException load = Assert.Throws<BankPurseRefusedException>(() =>
            world.Loads.Authorise(new LoadRequest("into-bank", alice, purse.Id, BankWorld.Eur, 10_00)));
        BankPurseRefusedException deposit = Assert.Throws<BankPurseRefusedException>(() =>
            world.Deposits.Open(new DepositRequest("from-bank", shop, purse.Id)));

        Assert.Equal((BankPurseRefusal.BankPurseAsParty, BankPurseRefusal.BankPurseAsParty), (load.Reason, deposit.Reason));
        Assert.Equal($"purse {purse.Id} is one of the bank's own purses: loads are paid into cardholders' purses.", load.Message);
        Assert.Null(new PurseAccounts(world.Bank.Database).Find(purse.Id));
        Assert.True(world.Pool.Find(purse.Id)!.IsFree);
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_load_the_account_cannot_cover_is_refused_for_its_funds_even_when_no_purse_could_pay_it(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 30_00);
        WorldCard card = world.Card("alice-card");

        LedgerRefusedException refused = Assert.Throws<LedgerRefusedException>(() => world.Authorise("big", alice, card, 5_000_00));

        Assert.Equal(LedgerRefusal.ExceedsCredits, refused.Reason);
        Assert.Null(world.Loads.Find("big"));
    }
}
