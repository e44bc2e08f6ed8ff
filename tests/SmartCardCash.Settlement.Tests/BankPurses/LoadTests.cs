using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>Loads through a real bank purse in the database, driven by the ordinary payment coordinator.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class LoadTests(BankStorageFixture storage)
{
    private static readonly Currency Eur = BankWorld.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void A_load_pays_the_card_from_a_bank_purse_and_debits_the_account_in_that_transaction(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 300_00);
        WorldCard card = world.Card("alice-card");

        Load authorised = world.Authorise("load-1", alice, card, 120_00);
        Assert.Equal((LoadState.Authorised, purse.Id), (authorised.State, authorised.BankPurse));
        Assert.Equal($"load:load-1", world.Pool.Find(purse.Id)!.HeldBy);
        Assert.Equal(new AccountBalance(120_00, 0, 0, 300_00), world.Balance(alice));

        PaymentOutcome outcome = world.Coordinator.Pay(world.LoadPurse("load-1").Purse, card.Purse, BankWorld.Request(120_00), world.Policy);

        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        Assert.Equal(LoadState.Completed, world.Loads.Find("load-1")!.State);
        Assert.Equal(120_00, card.Balance());
        Assert.Equal(new AccountBalance(0, 120_00, 0, 300_00), world.Balance(alice));
        Assert.Equal(new BankPurse(purse.Id, Eur, 880_00, TransferState.Idle, null), world.Pool.Find(purse.Id));
        Assert.Equal(880_00, world.ImageBalance(purse.Id));
        Audit.AuditReport audit = world.AssertBooksAgree();
        CurrencyTotalsAre(audit, minted: 1_000_00, bankPurses: 880_00, outstanding: 120_00);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_retried_load_request_returns_the_same_load_and_never_debits_or_credits_twice(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 300_00);
        WorldCard card = world.Card("alice-card");
        Load first = world.LoadCard("load-1", alice, card, 50_00);

        LoadAuthorisation again = world.Loads.Authorise(new LoadRequest("load-1", alice, card.Id, Eur, 50_00));
        PaymentOutcome replay = world.Coordinator.Pay(world.LoadPurse("load-1").Purse, card.Purse, BankWorld.Request(50_00), world.Policy);
        BankPurseRefusedException conflict = Assert.Throws<BankPurseRefusedException>(() =>
            world.Loads.Authorise(new LoadRequest("load-1", alice, card.Id, Eur, 60_00)));

        Assert.True(again.AlreadyAuthorised);
        Assert.Equal(first, again.Load);
        Assert.NotEqual(PaymentOutcomeKind.Completed, replay.Kind);   // the completed load's purse answers 6900 to everything
        Assert.Equal(BankPurseRefusal.RequestConflict, conflict.Reason);
        Assert.Equal("request load-1 already authorised a load of EUR 50.00 from customer.alice into purse " +
            $"{card.Id}: a request ID names one load only.", conflict.Message);
        Assert.Equal(50_00, card.Balance());
        Assert.Equal(new AccountBalance(0, 50_00, 0, 300_00), world.Balance(alice));
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void Two_loads_at_once_hold_two_different_bank_purses(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse one = world.BankPurse(minted: 500_00), two = world.BankPurse(minted: 500_00);
        AccountId alice = world.Customer("alice", cash: 300_00), bob = world.Customer("bob", cash: 300_00);
        WorldCard aliceCard = world.Card("alice-card"), bobCard = world.Card("bob-card"), carolCard = world.Card("carol-card");

        Load forAlice = world.Authorise("load-alice", alice, aliceCard, 100_00);
        Load forBob = world.Authorise("load-bob", bob, bobCard, 100_00);
        BankPurseRefusedException third = Assert.Throws<BankPurseRefusedException>(() => world.Authorise("load-carol", alice, carolCard, 10_00));

        Assert.Equal([one.Id, two.Id], new[] { forAlice.BankPurse, forBob.BankPurse }.OrderBy(p => p.Value));
        Assert.Equal(BankPurseRefusal.NoPurseFree, third.Reason);
        Assert.Equal(new AccountBalance(100_00, 0, 0, 300_00), world.Balance(alice)); // the refused load reserved nothing

        // Both payments at once, each on its own thread, as two terminals would.
        PaymentOutcome[] outcomes = new PaymentOutcome[2];
        Parallel.Invoke(
            () => outcomes[0] = new PaymentCoordinator().Pay(PurseOf(world.Loads.OpenChannel("load-alice")), aliceCard.Purse, BankWorld.Request(100_00), world.Policy),
            () => outcomes[1] = new PaymentCoordinator().Pay(PurseOf(world.Loads.OpenChannel("load-bob")), bobCard.Purse, BankWorld.Request(100_00), world.Policy));

        Assert.All(outcomes, o => Assert.True(o.Kind == PaymentOutcomeKind.Completed, o.Summary));
        Assert.Equal((100_00L, 100_00L), (aliceCard.Balance(), bobCard.Balance()));
        Assert.Equal(new[] { 400_00L, 400_00L }, world.Pool.List().Select(p => p.Balance));
        world.Authorise("load-carol", alice, carolCard, 10_00); // a purse is free again
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_load_the_account_cannot_cover_or_that_names_the_wrong_account_is_refused_and_holds_nothing(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 30_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        WorldCard card = world.Card("alice-card");

        LedgerRefusedException poor = Assert.Throws<LedgerRefusedException>(() => world.Authorise("l1", alice, card, 30_01));
        BankPurseRefusedException merchant = Assert.Throws<BankPurseRefusedException>(() => world.Authorise("l2", shop, card, 10_00));
        BankPurseRefusedException nobody = Assert.Throws<BankPurseRefusedException>(() => world.Authorise("l3", new AccountId("customer.nobody"), card, 10_00));
        BankPurseRefusedException tooMuch = Assert.Throws<BankPurseRefusedException>(() => world.Authorise("l4", world.Customer("rich", 2_000_00), card, 1_000_01));

        Assert.Equal(LedgerRefusal.ExceedsCredits, poor.Reason);
        Assert.Equal((BankPurseRefusal.WrongAccountKind, BankPurseRefusal.UnknownAccount, BankPurseRefusal.NoPurseFree),
            (merchant.Reason, nobody.Reason, tooMuch.Reason));
        Assert.Equal("account merchant.shop is a merchant account; loads are paid from customer accounts.", merchant.Message);
        Assert.Equal("no EUR bank purse is free with EUR 1000.01 in it (of 1: 1 holds less than EUR 1000.01).", tooMuch.Message);
        Assert.True(world.Pool.Find(purse.Id)!.IsFree);
        Assert.Null(world.Loads.Find("l1"));
        world.AssertBooksAgree();
    }

    private static PurseCard PurseOf(InProcessBankPurseChannel channel) => PurseCard.Open(channel, "bank");

    internal static void CurrencyTotalsAre(Audit.AuditReport audit, long minted, long bankPurses, long outstanding)
    {
        Audit.CurrencyTotals eur = Assert.Single(audit.Currencies);
        Assert.Equal((minted, bankPurses, outstanding), (eur.Minted, eur.BankPurses, eur.Outstanding));
    }
}
