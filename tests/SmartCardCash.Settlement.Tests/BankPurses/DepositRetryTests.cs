using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.Deposits;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>
/// A deposit whose terminal died between START and VAL, retried under the same request ID: when nothing moved, the
/// bank makes its purse ready again (<see cref="BankDeposits.ResetPayment"/>: a purse waiting for a val the card will
/// never send is aborted, its 02 archived and cleared) and the same deposit pays anew, credited once; once credited,
/// nothing under that request ID pays again.
/// </summary>
[Collection(BankStorageCollection.Name)]
public sealed class DepositRetryTests(BankStorageFixture storage)
{
    private const long Amount = 10_00;

    [Theory, OnSqlite, OnPostgres]
    public void A_card_that_gave_up_after_START_TO_leaves_the_bank_purse_waiting_which_the_bank_aborts_and_the_same_deposit_pays_anew(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        AccountId owner = world.Customer("owner", cash: 5_000_00);
        AccountId shop = world.Merchant("shop", new FeeRate(100, 0));
        (string id, WorldCard till, PurseId bankPurse) = CutWhere(world, owner, shop, TransferState.ExpectingReq, TransferState.ExpectingVal);
        world.Coordinator.Abandon(till.Purse); // the card gives up its transfer (epr: nothing left it, nothing logged)

        PaymentOutcome blocked = Pay(world, id, till);
        int archived = world.Pool.Archive.RecordCount(bankPurse);
        Deposit reset = world.Deposits.ResetPayment(id);
        Assert.Equal(archived + 1, world.Pool.Archive.RecordCount(bankPurse)); // the purse's 02 for the first attempt, archived
        Assert.Empty(world.ImageExceptionRecords(bankPurse));          // and cleared with its image
        PaymentOutcome paid = Pay(world, id, till);

        Assert.Equal(PaymentOutcomeKind.NotStarted, blocked.Kind);    // before the reset the purse still waits
        Assert.Equal((DepositState.Open, bankPurse), (reset.State, reset.BankPurse));
        Assert.True(paid.Kind == PaymentOutcomeKind.Completed, paid.Summary);
        CreditedOnce(world, id, till, shop, fee: 10);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_card_recovered_after_START_FROM_with_nothing_moved_pays_anew_under_the_same_deposit(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        AccountId owner = world.Customer("owner", cash: 5_000_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        (string id, WorldCard till, PurseId bankPurse) = CutWhere(world, owner, shop, TransferState.ExpectingReq, TransferState.Idle);

        PaymentOutcome recovered = world.Coordinator.Recover(till.Purse, world.DepositPurse(id).Purse);
        (long balance, TransferState state) = (till.Balance(), till.Pending().State);
        int archived = world.Pool.Archive.RecordCount(bankPurse);
        Deposit reset = world.Deposits.ResetPayment(id);
        PaymentOutcome paid = Pay(world, id, till);

        Assert.True((Certainty.No, Amount, TransferState.Idle) == (recovered.Debited, balance, state), recovered.Summary); // nothing moved
        Assert.Equal(DepositState.Open, reset.State);
        Assert.Equal(archived, world.Pool.Archive.RecordCount(bankPurse)); // an idle purse is left as it is: nothing to archive
        Assert.True(paid.Kind == PaymentOutcomeKind.Completed, paid.Summary);
        CreditedOnce(world, id, till, shop, fee: 0);
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_payment_lost_before_a_reset_is_refunded_to_the_deposits_merchant_whatever_another_merchant_names(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        AccountId owner = world.Customer("owner", cash: 5_000_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        AccountId rival = world.Merchant("rival", FeeRate.Free);
        // The till paid (epa: debited) and the bank purse still waits for the val (epv); the merchant gives the card up (01).
        (string id, WorldCard till, PurseId bankPurse) = CutWhere(world, owner, shop, TransferState.ExpectingAck, TransferState.ExpectingVal);
        world.Coordinator.Abandon(till.Purse);
        world.Deposits.ResetPayment(id); // the bank purse's 02, archived for this deposit
        world.Deposits.End(id);
        // Another merchant's key names the same till and, without the card, sends the bank purse a START TO of its own
        // choosing (it is unsigned), leaving a logged deposit of that till on the same bank purse.
        Assert.Equal(bankPurse, world.Deposits.Open(new DepositRequest("rival-deposit", rival, till.Id)).Deposit.BankPurse);
        PurseCard rivalBank = world.DepositPurse("rival-deposit").Purse;
        rivalBank.Select();
        rivalBank.VerifyCertificate(till.Result.Certificate);
        rivalBank.StartTo(till.Id, Money.Of(BankWorld.Eur, 1_00), 99);
        Assert.Equal(DepositState.ValueLogged, world.Deposits.End("rival-deposit").State);

        Archive.ArchiveResult upload = world.Pool.Archive.Upload(world.UploadOf(till));

        PaymentDetails lost = upload.Records.Single(r => r.Record.Reason == ExceptionReason.PayerAbortedInEpa).Record.Details;
        Archive.LostPayment judged = world.Pool.Archive.Find(lost)!;
        Assert.Equal((Archive.LostPaymentState.Refunded, shop), (judged.State, judged.RefundAccount));
        Assert.Equal(new AccountBalance(0, 0, 0, Amount), world.Balance(shop));
        Assert.Equal(new AccountBalance(0, 0, 0, 0), world.Balance(rival));
        world.AssertBooksAgree();
    }

    /// <summary>The deposit credited the payment once, and its request ID takes no other: a reset changes nothing, and a
    /// payment under it again is refused by the purse's gate before anything is debited.</summary>
    private static void CreditedOnce(BankWorld world, string id, WorldCard till, AccountId shop, long fee)
    {
        Deposit credited = world.Deposits.Find(id)!;
        Assert.Equal((DepositState.Credited, (long?)Amount), (credited.State, credited.Amount));
        Assert.Equal(DepositState.Credited, world.Deposits.ResetPayment(id).State);
        world.LoadCard($"load-more-{id}", world.Customer($"more-{id}", cash: Amount), till, Amount);
        PaymentOutcome again = Pay(world, id, till);
        Assert.Equal((PaymentOutcomeKind.NotStarted, Amount), (again.Kind, till.Balance()));
        Assert.Equal(DepositState.Credited, world.Deposits.End(id).State);
        Assert.Equal(new AccountBalance(0, 0, 0, Amount - fee), world.Balance(shop));
        Assert.True(world.Pool.Find(credited.BankPurse)!.IsFree);
        world.AssertBooksAgree();
    }

    private static PaymentOutcome Pay(BankWorld world, string id, WorldCard till) =>
        world.Coordinator.Pay(till.Purse, world.DepositPurse(id).Purse, BankWorld.Request(Amount), world.Policy);

    /// <summary>A deposit from a new till holding <see cref="Amount"/>, its payment cut (a card pulled before a command
    /// arrived, or after it answered) at the first command that leaves the till and the bank purse in these states, as a
    /// terminal that died there leaves them.</summary>
    private static (string Id, WorldCard Till, PurseId BankPurse) CutWhere(BankWorld world, AccountId owner, AccountId shop,
        TransferState tillState, TransferState bankState)
    {
        for (int step = 0; step < 60; step++)
        {
            (int at, bool answered) = (step / 2, step % 2 == 1);
            world.BankPurse(minted: 1_000_00);
            string id = $"deposit-cut-{step}";
            WorldCard till = world.Card(id, PurseClass.Merchant);
            world.LoadCard($"load-{id}", owner, till, Amount);
            PurseId bankPurse = world.Deposits.Open(new DepositRequest(id, shop, till.Id)).Deposit.BankPurse;
            (PurseCard bank, CutChannel channel) = world.DepositPurse(id);
            world.Cut.Arm(at, answered);
            world.Coordinator.Pay(till.Purse, bank, BankWorld.Request(Amount), world.Policy);
            world.Cut.Disarm();
            till.Channel.Reinsert();
            channel.Reinsert();
            if (till.Pending().State == tillState && world.Pool.Find(bankPurse)!.State == bankState)
            {
                return (id, till, bankPurse);
            }
            world.Deposits.End(id);
        }
        throw new InvalidOperationException($"no cut left the till {tillState} and the bank purse {bankState}");
    }
}
