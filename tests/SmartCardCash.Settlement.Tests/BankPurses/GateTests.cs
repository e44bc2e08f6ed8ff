using SmartCardCash.Iso7816;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>Every command outside a load's or a deposit's authorisation answers 6900 before it reaches the bank purse,
/// and changes nothing: not the purse's image, not the books, not the payment.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class GateTests(BankStorageFixture storage)
{
    private static readonly Currency Eur = BankWorld.Eur;

    [Theory, OnSqlite, OnPostgres]
    public void Every_command_outside_a_loads_authorisation_answers_6900_and_changes_nothing(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 300_00);
        WorldCard card = world.Card("alice-card"), mallory = world.Card("mallory-card");
        world.Authorise("load-1", alice, card, 50_00);
        StatusWord Send(CommandApdu command) => ResponseApdu.Parse(world.Loads.Transmit("load-1", command.ToBytes())).StatusWord;
        byte[] image = world.Pool.Image(purse.Id)!;
        long transfers = world.Bank.Ledger.Audit().Transfers;
        uint seq = card.Purse.Select().NextSequenceNumber;
        PaymentDetails wrongPd = new(purse.Id, card.Id, Eur.Code, 50_01, 1, seq);
        PaymentDetails toMallory = new(purse.Id, mallory.Id, Eur.Code, 50_00, 1, seq);

        Assert.Equal(StatusWord.CommandNotAllowed, Send(PurseCommands.GetData(PurseDataObject.PurseCertificate))); // before SELECT
        Assert.Equal(StatusWord.Success, Send(PurseCommands.Select()));
        CommandApdu[] refused =
        [
            PurseCommands.GetData(PurseDataObject.Status),
            PurseCommands.GetData(PurseDataObject.Balances),
            PurseCommands.GetData(PurseDataObject.IssuerCertificate),
            PurseCommands.GetData(PurseDataObject.PocketLimits),
            PurseCommands.ReadLog(PurseLogKind.Exceptions, 0),
            PurseCommands.ReadLog(PurseLogKind.Transactions, 0),
            PurseCommands.Abort(),
            PurseCommands.VerifyCertificate(mallory.Result.Certificate.Encoded),       // another payee's certificate
            PurseCommands.StartFrom(mallory.Id, Eur.Code, 50_00, seq),                // another payee
            PurseCommands.StartFrom(card.Id, Eur.Code, 50_01, seq),                   // another amount
            PurseCommands.StartFrom(card.Id, Currency.Gbp.Code, 50_00, seq),          // another currency
            PurseCommands.StartFrom(card.Id, Eur.Code, 50_00, seq, new byte[32]),     // an order digest nobody authorised
            PurseCommands.StartTo(card.Id, Eur.Code, 50_00, seq),                     // the payee's role
            PurseCommands.Req(new ProtectedMessage(MessageType.Req, wrongPd, new byte[64])),
            PurseCommands.Req(new ProtectedMessage(MessageType.Req, toMallory, new byte[64])),
            PurseCommands.Ack(new ProtectedMessage(MessageType.Ack, toMallory, new byte[64])),
            PurseCommands.Val(new ProtectedMessage(MessageType.Val, wrongPd, new byte[64])),
            PurseCommands.VerifyLockCode("1234"),
            CommandApdu.Parse(Hex.Decode("80400000028201")),                         // MINT
            CommandApdu.Parse(Hex.Decode("80DA000403010203")),                       // PUT DATA
            CommandApdu.Parse(Hex.Decode("00A4040007A000000003101000")),             // SELECT of another application
            CommandApdu.Parse(Hex.Decode("81CA000300")),                             // another logical channel
        ];
        foreach (CommandApdu command in refused)
        {
            Assert.True(Send(command) == StatusWord.CommandNotAllowed, $"{command} was not refused");
        }

        Assert.Equal(image, world.Pool.Image(purse.Id));
        Assert.Equal(transfers, world.Bank.Ledger.Audit().Transfers);
        Assert.Equal(LoadState.Authorised, world.Loads.Find("load-1")!.State);
        PaymentOutcome outcome = world.Coordinator.Pay(world.LoadPurse("load-1").Purse, card.Purse, BankWorld.Request(50_00), world.Policy);
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void Every_command_outside_a_deposit_answers_6900_and_changes_nothing(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_000_00);
        AccountId owner = world.Customer("owner", cash: 300_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        WorldCard till = world.Card("till", PurseClass.Merchant), mallory = world.Card("mallory", PurseClass.Merchant);
        world.LoadCard("load-till", owner, till, 100_00);
        world.Deposits.Open(new DepositRequest("deposit-1", shop, till.Id));
        StatusWord Send(CommandApdu command) => ResponseApdu.Parse(world.Deposits.Transmit("deposit-1", command.ToBytes())).StatusWord;
        byte[] image = world.Pool.Image(purse.Id)!;
        long transfers = world.Bank.Ledger.Audit().Transfers;
        PaymentDetails fromMallory = new(mallory.Id, purse.Id, Eur.Code, 10_00, 1, 1);

        Assert.Equal(StatusWord.Success, Send(PurseCommands.Select()));
        CommandApdu[] refused =
        [
            PurseCommands.GetData(PurseDataObject.Balances),
            PurseCommands.ReadLog(PurseLogKind.Exceptions, 0),
            PurseCommands.Abort(),
            PurseCommands.VerifyCertificate(mallory.Result.Certificate.Encoded),   // another merchant's certificate
            PurseCommands.StartTo(mallory.Id, Eur.Code, 10_00, 1),                // another payer
            PurseCommands.StartTo(till.Id, Currency.Gbp.Code, 10_00, 1),          // another currency
            PurseCommands.StartFrom(till.Id, Eur.Code, 10_00, 1),                 // the bank purse paying out
            PurseCommands.Val(new ProtectedMessage(MessageType.Val, fromMallory, new byte[64])),
            PurseCommands.Req(new ProtectedMessage(MessageType.Req, fromMallory, new byte[64])),
            CommandApdu.Parse(Hex.Decode("80400000028201")),
        ];
        foreach (CommandApdu command in refused)
        {
            Assert.True(Send(command) == StatusWord.CommandNotAllowed, $"{command} was not refused");
        }

        Assert.Equal(image, world.Pool.Image(purse.Id));
        Assert.Equal(transfers, world.Bank.Ledger.Audit().Transfers);

        // Once the purse waits for the merchant's val, a second START TO (which would log the first into the purse's
        // exception log, and again, until the log is full) is refused too.
        Assert.Equal(StatusWord.Success, Send(PurseCommands.VerifyCertificate(till.Result.Certificate.Encoded)));
        Assert.Equal(StatusWord.Success, Send(PurseCommands.StartTo(till.Id, Eur.Code, 10_00, 1)));
        Assert.Equal(StatusWord.CommandNotAllowed, Send(PurseCommands.StartTo(till.Id, Eur.Code, 10_00, 2)));
        Assert.Equal(TransferState.ExpectingVal, world.Pool.Find(purse.Id)!.State);
        Assert.Equal(1u, world.ImageCard(purse.Id).GetPendingTransfer().Details!.FromSeq);      // still the first start's
        Assert.Equal(DepositState.ValueLogged, world.Deposits.End("deposit-1").State);       // the merchant's card never paid
        world.BankPurse(minted: 0);   // the first purse's log holds the 02: it is lent to no payment until the log is cleared
        world.Deposits.Open(new DepositRequest("deposit-2", shop, till.Id));
        PaymentOutcome outcome = world.Coordinator.Pay(till.Purse, world.DepositPurse("deposit-2").Purse, BankWorld.Request(100_00), world.Policy);
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        world.AssertBooksAgree();
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_bank_purse_shows_no_terminal_the_payment_it_served_before(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 1_000_00);
        AccountId alice = world.Customer("alice", cash: 300_00), bob = world.Customer("bob", cash: 300_00);
        WorldCard aliceCard = world.Card("alice-card"), bobCard = world.Card("bob-card");
        world.LoadCard("load-alice", alice, aliceCard, 20_00);
        world.Authorise("load-bob", bob, bobCard, 30_00);
        PurseCard bank = world.LoadPurse("load-bob").Purse;

        bank.Select();
        PendingTransfer pending = bank.GetPendingTransfer();
        ProtectedMessage? resumed = bank.Resume();

        Assert.Equal(new PendingTransfer(TransferState.Idle, null), pending); // the purse itself holds alice's payment
        Assert.Null(resumed);
        Assert.Equal(aliceCard.Id, world.ImageCard(world.Loads.Find("load-bob")!.BankPurse).GetPendingTransfer().Details!.To);
    }
}
