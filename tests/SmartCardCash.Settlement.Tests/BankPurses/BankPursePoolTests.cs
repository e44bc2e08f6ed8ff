using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Loads;
using SmartCardCash.Settlement.Postings;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>The pool: purses personalised by the issuer whose images live in the database, mints committed with their
/// postings exactly once, and a hold the bank ends itself.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class BankPursePoolTests(BankStorageFixture storage)
{
    private static readonly Currency Eur = BankWorld.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void A_provisioned_purse_is_an_issued_bank_purse_whose_image_and_account_live_in_the_database(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);

        BankPurse purse = world.Pool.Provision(Eur);
        CardImage image = CardImage.Parse(world.Pool.Image(purse.Id)!);
        PurseFci fci = world.ImageCard(purse.Id).Select();

        Assert.Equal(new BankPurse(purse.Id, Eur, 0, TransferState.Idle, null), purse);
        Assert.Equal(BankPurseCard.Name(purse.Id), image.Name);
        Assert.Equal((PurseLifecycle.Issued, purse.Id, PurseClass.Bank), (fci.Lifecycle, fci.PurseId, fci.PurseClass));
        Assert.Equal(world.Issuer.Certificate.Encoded, world.ImageCard(purse.Id).GetIssuerCertificate().Encoded);
        Assert.Equal(AccountKind.BankPurse, world.Bank.Ledger.FindAccount(BankChart.BankPurse(Eur, purse.Id.ToString()))!.Kind);
        Assert.Equal([purse], world.Pool.List(Eur));
        Assert.Empty(world.Pool.List(Currency.Gbp));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_mint_commits_the_purses_image_and_its_posting_once_whatever_the_retries(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.Pool.Provision(Eur);

        BankPurse minted = world.Pool.Mint(purse.Id, 500_00, new TransferId("mint-1"));
        BankPurse retried = world.Pool.Mint(purse.Id, 500_00, new TransferId("mint-1"));
        LedgerRefusedException conflict = Assert.Throws<LedgerRefusedException>(() => world.Pool.Mint(purse.Id, 600_00, new TransferId("mint-1")));
        BankPurseRefusedException zero = Assert.Throws<BankPurseRefusedException>(() => world.Pool.Mint(purse.Id, 0, new TransferId("mint-2")));
        BankPurseRefusedException unknown = Assert.Throws<BankPurseRefusedException>(() =>
            world.Pool.Mint(PurseId.Parse("5343430A000000FF"), 1, new TransferId("mint-3")));

        Assert.Equal((500_00L, 500_00L), (minted.Balance, retried.Balance));
        Assert.Equal(500_00, world.ImageBalance(purse.Id));
        Assert.Equal(LedgerRefusal.TransferConflict, conflict.Reason);
        Assert.Equal((BankPurseRefusal.AmountOutOfRange, BankPurseRefusal.UnknownPurse), (zero.Reason, unknown.Reason));
        LoadTests.CurrencyTotalsAre(world.AssertBooksAgree(), minted: 500_00, bankPurses: 500_00, outstanding: 0);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_held_purse_takes_no_mint_and_the_bank_ends_a_hold_whose_terminal_vanished(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 500_00);
        AccountId alice = world.Customer("alice", cash: 100_00);
        WorldCard card = world.Card("alice-card");
        world.Authorise("load-1", alice, card, 30_00);
        PurseCard bank = world.LoadPurse("load-1").Purse;
        bank.Select();
        bank.VerifyCertificate(card.Result.Certificate);
        bank.StartFrom(card.Id, Money.Of(Eur, 30_00), card.Purse.Select().NextSequenceNumber);   // epr, then the terminal is gone

        BankPurseRefusedException busy = Assert.Throws<BankPurseRefusedException>(() => world.Pool.Mint(purse.Id, 1, new TransferId("mint-2")));
        Load ended = world.Loads.End("load-1");
        Load again = world.Loads.End("load-1");

        Assert.Equal(BankPurseRefusal.PurseBusy, busy.Reason);
        Assert.Equal((LoadState.Cancelled, LoadState.Cancelled), (ended.State, again.State));
        Assert.Equal(new BankPurse(purse.Id, Eur, 500_00, TransferState.Idle, null), world.Pool.Find(purse.Id));
        Assert.Empty(world.ImageExceptionRecords(purse.Id));                                  // epr aborted: nothing logged
        Assert.Equal(new AccountBalance(0, 0, 0, 100_00), world.Balance(alice));              // the reservation voided
        // A load that is over still says what is true of it: the purse answers SELECT (from a copy), nothing is pending
        // for it, and it takes no other command.
        Assert.Equal(StatusWord.Success, ResponseApdu.Parse(world.Loads.Transmit("load-1", PurseCommands.Select().ToBytes())).StatusWord);
        Assert.Equal(TransferState.Idle, PendingOf(world.Loads.Transmit("load-1", PurseCommands.GetData(PurseDataObject.PendingTransfer).ToBytes())));
        Assert.Equal(StatusWord.CommandNotAllowed, ResponseApdu.Parse(world.Loads.Transmit("load-1",
            PurseCommands.GetData(PurseDataObject.PurseCertificate).ToBytes())).StatusWord);
        world.Pool.Mint(purse.Id, 1, new TransferId("mint-2"));
        world.AssertBooksAgree();
    }

    private static TransferState PendingOf(byte[] response) => PurseResponses.ParsePendingTransfer(ResponseApdu.Parse(response).Data.Span).State;
}
