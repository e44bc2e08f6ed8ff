using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>A payment is never lent a bank purse whose exception log holds a record (and the refusal says so when no
/// purse is left); a purse command whose transaction
/// meets a concurrent write gives no answer (it is not run again on a card that lost its session).</summary>
[Collection(BankStorageCollection.Name)]
public sealed class ClaimAndConflictTests(BankStorageFixture storage)
{
    private static readonly Currency Eur = BankWorld.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void An_ended_deposits_record_is_archived_and_cleared_so_the_bank_purse_is_lent_again(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        (BankPurse logged, _, WorldCard till) = LoadedTill(world);
        AccountId shop = world.Merchant("shop", FeeRate.Free);

        // The bank purse starts taking a deposit, the terminal goes away, the bank aborts it: the purse logs a 02.
        world.Deposits.Open(new DepositRequest("deposit-1", shop, till.Id));
        TransferStart.IntoBank(world.DepositPurse("deposit-1").Purse, logged.Id, till, 10_00);
        Assert.Equal(DepositState.ValueLogged, world.Deposits.End("deposit-1").State);
        // The bank archived the purse's own 02 and cleared its log in the transaction that ended the deposit, so the
        // purse is lent again (lowest ID first); a purse whose log still held records would be skipped.
        Assert.Empty(world.ImageExceptionRecords(logged.Id));
        BankPurse clean = world.BankPurse(minted: 100_00);
        Assert.True(string.CompareOrdinal(logged.Id.ToString(), clean.Id.ToString()) < 0, "the logged purse has the lower ID");
        Assert.Equal(logged.Id, world.Deposits.Open(new DepositRequest("deposit-2", shop, till.Id)).Deposit.BankPurse);
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_bank_purse_whose_exception_log_holds_a_record_is_never_claimed_and_the_refusal_says_why(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        (BankPurse logged, AccountId owner, WorldCard till) = LoadedTill(world);
        WriteA02IntoImage(world, logged.Id, till);
        BankPurse clean = world.BankPurse(minted: 100_00);

        Load first = world.Authorise("load-1", owner, world.Card("alice-card"), 10_00);
        BankPurseRefusedException none = Assert.Throws<BankPurseRefusedException>(() => world.Authorise("load-2", owner, world.Card("bob-card"), 10_00));

        Assert.True(string.CompareOrdinal(logged.Id.ToString(), clean.Id.ToString()) < 0, "the logged purse has the lower ID");
        Assert.Single(world.ImageExceptionRecords(logged.Id));
        Assert.Equal(clean.Id, first.BankPurse); // the lower ID is skipped: its record waits for the archive
        Assert.Equal(BankPurseRefusal.NoPurseFree, none.Reason);
        Assert.Equal("no EUR bank purse is free with EUR 10.00 in it (of 2: 1 serves another payment, 1 has exception " +
            "records the bank has not archived); try again later.", none.Message);
        Assert.True(world.Pool.Find(logged.Id)!.IsFree);
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_bank_without_a_purse_of_the_currency_says_its_operator_must_provision_one(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        AccountId alice = world.Customer("alice", cash: 100_00);

        BankPurseRefusedException none = Assert.Throws<BankPurseRefusedException>(() => world.Authorise("load-1", alice, world.Card("alice-card"), 10_00));

        Assert.Equal(BankPurseRefusal.NoPurseFree, none.Reason);
        Assert.Equal("the bank has no EUR purse; its operator provisions and mints one (scc bank purses provision).", none.Message);
        Assert.Equal(new AccountBalance(0, 0, 0, 100_00), world.Balance(alice)); // nothing reserved
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_req_whose_transaction_meets_a_concurrent_write_gives_no_answer_and_is_not_run_again(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 300_00);
        WorldCard card = world.Card("alice-card");
        world.Authorise("load-1", alice, card, 40_00);
        (PurseCard bank, PaymentDetails pd, ProtectedMessage req) = TransferStart.Load(world, "load-1", card, 40_00);

        ConflictOnImageWrites(world);
        SmartCardException noAnswer = Assert.ThrowsAny<SmartCardException>(() => bank.Req(req));
        Assert.IsType<BankStorageException>(noAnswer.InnerException);
        Assert.Equal((TransferState.ExpectingReq, 1_000_00L), (world.Pool.Find(purse.Id)!.State, world.Pool.Find(purse.Id)!.Balance));
        Assert.Equal(LoadState.Authorised, world.Loads.Find("load-1")!.State);

        AllowImageWrites(world);
        bank.Select();
        Assert.Equal(new PendingTransfer(TransferState.ExpectingReq, pd), bank.GetPendingTransfer());
        bank.Ack(card.Purse.Val(bank.Req(req)));
        Assert.Equal(LoadState.Completed, world.Loads.Find("load-1")!.State);
        world.AssertBooksAgree();
    }

    /// <summary>One bank purse with EUR 100.00, and a merchant's till loaded with EUR 50.00 from it (by the owner's
    /// account): the till has value to pay a bank purse with.</summary>
    private static (BankPurse Logged, AccountId Owner, WorldCard Till) LoadedTill(BankWorld world)
    {
        BankPurse logged = world.BankPurse(minted: 100_00);
        AccountId owner = world.Customer("owner", cash: 300_00);
        WorldCard till = world.Card("till", PurseClass.Merchant);
        world.LoadCard("load-till", owner, till, 50_00);
        return (world.Pool.Find(logged.Id)!, owner, till);
    }

    /// <summary>The bank purse's stored image made to hold a 02, written as the bank writes an image: the purse took START TO
    /// for a payment from <paramref name="payer"/> and was aborted while it waited for the val. No route of the bank leaves
    /// a free purse with a record (it clears the log when it ends a payment), so the test writes the image itself, as a
    /// restored backup or an older version's database would hold it.</summary>
    private static void WriteA02IntoImage(BankWorld world, PurseId id, WorldCard payer)
    {
        EmulatedCard card = CardImage.Parse(world.Pool.Image(id)!).CreateCard(BankPurseCard.Catalog);
        PurseCard bank = PurseCard.Open(card.OpenChannel("bank purse image"));
        TransferStart.IntoBank(bank, id, payer, 1_00);
        bank.Abort();
        payer.Purse.Abort(); // in epr: nothing left it, nothing logged
        byte[] image = BankPurseCard.ImageOf(id, card);
        world.Bank.Database.Write(tx =>
        {
            BankPurseStore.WriteImage(tx, id, world.Pool.Images.Seal(id, image), BankPurseSnapshot.Read(image, Eur));
            return image.Length;
        });
    }

    /// <summary>Every write of a bank purse's image meets a unique-key conflict, as a concurrent writer's would be.</summary>
    private static void ConflictOnImageWrites(BankWorld world) => world.Bank.Tamper(world.Bank.Provider == StorageProvider.Sqlite
        ? "CREATE TABLE conflict (k INTEGER PRIMARY KEY); INSERT INTO conflict VALUES (1); " +
          "CREATE TRIGGER conflict_image BEFORE UPDATE OF image ON bank_purses BEGIN INSERT INTO conflict VALUES (1); END"
        : "CREATE TABLE conflict (k INTEGER PRIMARY KEY); INSERT INTO conflict VALUES (1); " +
          "CREATE FUNCTION conflict_image() RETURNS trigger AS $$ BEGIN INSERT INTO conflict VALUES (1); RETURN NEW; END $$ LANGUAGE plpgsql; " +
          "CREATE TRIGGER conflict_image BEFORE UPDATE OF image ON bank_purses FOR EACH ROW EXECUTE FUNCTION conflict_image()");

    private static void AllowImageWrites(BankWorld world) => world.Bank.Tamper(world.Bank.Provider == StorageProvider.Sqlite
        ? "DROP TRIGGER conflict_image"
        : "DROP TRIGGER conflict_image ON bank_purses; DROP FUNCTION conflict_image()");
}
