using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>Deposits: a merchant's card pays into a bank purse in the database, driven by the ordinary coordinator.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class DepositTests(BankStorageFixture storage)
{
    private static readonly Currency Eur = BankWorld.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void A_deposit_credits_the_merchant_less_its_fee_in_the_transaction_that_credits_the_bank_purse(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId owner = world.Customer("owner", cash: 300_00);
        AccountId shop = world.Merchant("shop", new FeeRate(150, 10));
        WorldCard till = world.Card("till", PurseClass.Merchant);
        world.LoadCard("load-till", owner, till, 200_00);

        DepositOpening opened = world.Deposits.Open(new DepositRequest("deposit-1", shop, till.Id));
        Assert.Equal((DepositState.Open, purse.Id, false), (opened.Deposit.State, opened.Deposit.BankPurse, opened.AlreadyOpen));
        PaymentOutcome outcome = world.Coordinator.Pay(till.Purse, world.DepositPurse("deposit-1").Purse, BankWorld.Request(150_00), world.Policy);

        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        Deposit credited = world.Deposits.Find("deposit-1")!;
        Assert.Equal((DepositState.Credited, (long?)150_00), (credited.State, credited.Amount));
        Assert.Equal(50_00, till.Balance());
        Assert.Equal(new AccountBalance(0, 0, 0, 147_65), world.Balance(shop));           // 150.00 less 1.5% and 0.10
        Assert.Equal(new AccountBalance(0, 0, 0, 2_35), world.Balance(BankChart.FeeIncome(Eur)));
        Assert.Equal(new BankPurse(purse.Id, Eur, 950_00, TransferState.Idle, null), world.Pool.Find(purse.Id));
        LoadTests.CurrencyTotalsAre(world.AssertBooksAgree(), minted: 1_000_00, bankPurses: 950_00, outstanding: 50_00);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_retried_deposit_never_credits_twice_and_a_conflicting_reuse_is_refused(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 1_000_00);
        AccountId owner = world.Customer("owner", cash: 300_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        WorldCard till = world.Card("till", PurseClass.Merchant), other = world.Card("other-till", PurseClass.Merchant);
        world.LoadCard("load-till", owner, till, 200_00);
        world.Deposits.Open(new DepositRequest("deposit-1", shop, till.Id));
        world.Coordinator.Pay(till.Purse, world.DepositPurse("deposit-1").Purse, BankWorld.Request(100_00), world.Policy);

        DepositOpening again = world.Deposits.Open(new DepositRequest("deposit-1", shop, till.Id));
        PaymentOutcome replay = world.Coordinator.Pay(till.Purse, world.DepositPurse("deposit-1").Purse, BankWorld.Request(100_00), world.Policy);
        BankPurseRefusedException conflict = Assert.Throws<BankPurseRefusedException>(() =>
            world.Deposits.Open(new DepositRequest("deposit-1", shop, other.Id)));
        BankPurseRefusedException customer = Assert.Throws<BankPurseRefusedException>(() =>
            world.Deposits.Open(new DepositRequest("deposit-2", owner, till.Id)));

        Assert.True(again.AlreadyOpen);
        Assert.Equal(DepositState.Credited, again.Deposit.State);
        Assert.NotEqual(PaymentOutcomeKind.Completed, replay.Kind);
        Assert.Equal(100_00, till.Balance());
        Assert.Equal(new AccountBalance(0, 0, 0, 100_00), world.Balance(shop));
        Assert.Equal((BankPurseRefusal.RequestConflict, BankPurseRefusal.WrongAccountKind), (conflict.Reason, customer.Reason));
        world.AssertBooksAgree();
    }
}
