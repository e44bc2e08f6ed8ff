using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>Deposits go through clone detection and the hotlist: the val a bank purse accepts is cleared under the same
/// key as a journal's, in the deposit's transaction; a hotlisted purse is neither loaded nor takes deposits.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class DepositCloneTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void A_copied_merchant_purse_depositing_twice_is_credited_hotlisted_and_then_refused_deposits_and_loads(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 1_000_00);
        AccountId owner = world.Customer("owner", cash: 300_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        WorldCard till = world.Card("till", PurseClass.Merchant);
        world.LoadCard("load-till", owner, till, 200_00);
        WorldCard copy = Copy(till, world);

        Deposit first = Deposit(world, "deposit-1", shop, till, 100_00);
        Deposit second = Deposit(world, "deposit-2", shop, copy, 100_00);

        Assert.Equal((DepositState.Credited, DepositState.Credited), (first.State, second.State));
        HotlistEntry listed = Assert.IsType<HotlistEntry>(new BankHotlist(world.Bank.Database).Find(till.Id));
        Assert.Equal(HotlistReason.Cloned, listed.Reason);
        var clearing = new ValClearing(new CertificateRegistry(world.Bank.Database, world.Issuer.Certificate));
        Assert.Equal(2, clearing.CloneEvidence(till.Id).Count);
        Assert.All(clearing.CloneEvidence(till.Id), v => Assert.NotNull(v.Payment.Ack));

        Assert.Equal(BankPurseRefusal.PurseHotlisted, Assert.Throws<BankPurseRefusedException>(() =>
            world.Deposits.Open(new DepositRequest("deposit-3", shop, till.Id))).Reason);
        Assert.Equal(BankPurseRefusal.PurseHotlisted, Assert.Throws<BankPurseRefusedException>(() =>
            world.Loads.Authorise(new LoadRequest("load-again", owner, till.Id, BankWorld.Eur, 10_00))).Reason);
        Assert.Null(world.Deposits.Find("deposit-3"));
        Assert.Null(world.Loads.Find("load-again"));
        world.AssertBooksAgree();
    }

    private static Deposit Deposit(BankWorld world, string id, AccountId shop, WorldCard card, long amount)
    {
        world.Deposits.Open(new DepositRequest(id, shop, card.Id));
        PaymentOutcome outcome = world.Coordinator.Pay(card.Purse, world.DepositPurse(id).Purse, BankWorld.Request(amount), world.Policy);
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        return world.Deposits.Find(id)!;
    }

    /// <summary>Another card with the same image: the same key, balance and sequence numbers.</summary>
    private static WorldCard Copy(WorldCard original, BankWorld world)
    {
        byte[] image = CardImage.Of(original.Name, original.Card).ToBytes();
        EmulatedCard card = CardImage.Parse(image).CreateCard(new AppletCatalog().Add("SmartCardCash.Purse", PurseApplet.Factory),
            new EmulatedCardOptions { ThrowOnAppletFault = true });
        card.PowerOn();
        return new WorldCard(original.Name + "-copy", card, world.Cut) { Result = original.Result };
    }
}
