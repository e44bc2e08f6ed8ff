using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>A bank purse's command whose transaction does not commit gives no answer, as a torn card gives none, and
/// the purse's next command starts from the image in the database: the books and the purse never disagree.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class CommitFailureTests(BankStorageFixture storage)
{
    [Theory, OnSqlite, OnPostgres]
    public void A_req_whose_commit_fails_gives_no_answer_and_the_purse_goes_on_from_its_old_image(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 300_00);
        WorldCard card = world.Card("alice-card");
        world.Authorise("load-1", alice, card, 40_00);
        (PurseCard bank, PaymentDetails pd, ProtectedMessage req) = TransferStart.Load(world, "load-1", card, 40_00);
        byte[] before = world.Pool.Image(purse.Id)!;

        FailImageWrites(world);
        SmartCardException noAnswer = Assert.ThrowsAny<SmartCardException>(() => bank.Req(req));
        Assert.IsType<BankStorageException>(noAnswer.InnerException);
        Assert.Equal(before, world.Pool.Image(purse.Id));
        Assert.Equal((TransferState.ExpectingReq, 1_000_00L), (world.Pool.Find(purse.Id)!.State, world.Pool.Find(purse.Id)!.Balance));
        Assert.Equal(new AccountBalance(40_00, 0, 0, 300_00), world.Balance(alice));   // reserved, not debited
        Assert.Equal(LoadState.Authorised, world.Loads.Find("load-1")!.State);
        world.AssertBooksAgree();

        AllowImageWrites(world);
        bank.Select();                                      // the torn purse's session is gone; its memory is the old image
        Assert.Equal(new PendingTransfer(TransferState.ExpectingReq, pd), bank.GetPendingTransfer());
        ProtectedMessage val = bank.Req(req);
        bank.Ack(card.Purse.Val(val));

        Assert.Equal(LoadState.Completed, world.Loads.Find("load-1")!.State);
        Assert.Equal(40_00, card.Balance());
        Assert.Equal(new AccountBalance(0, 40_00, 0, 300_00), world.Balance(alice));
        Assert.Equal(960_00, world.Pool.Find(purse.Id)!.Balance);
        world.AssertBooksAgree();
    }

    /// <summary>Every write of a bank purse's image fails in the database, as a disk or a server that refuses it would.</summary>
    private static void FailImageWrites(BankWorld world) => world.Bank.Tamper(world.Bank.Provider == StorageProvider.Sqlite
        ? "CREATE TRIGGER fail_image BEFORE UPDATE OF image ON bank_purses BEGIN SELECT RAISE(ABORT, 'injected write failure'); END"
        : "CREATE FUNCTION fail_image() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'injected write failure'; END $$ LANGUAGE plpgsql; " +
          "CREATE TRIGGER fail_image BEFORE UPDATE OF image ON bank_purses FOR EACH ROW EXECUTE FUNCTION fail_image()");

    private static void AllowImageWrites(BankWorld world) => world.Bank.Tamper(world.Bank.Provider == StorageProvider.Sqlite
        ? "DROP TRIGGER fail_image"
        : "DROP TRIGGER fail_image ON bank_purses; DROP FUNCTION fail_image()");
}
