using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Deposits;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>
/// A deposit cut at every command, on either side, before the command arrived and after it was answered, then
/// recovered (or abandoned) and ended by the bank: the books and the purses agree, and the merchant is credited only
/// if the bank purse got the value; value that left the card otherwise is in the exception logs for the archive.
/// </summary>
[Collection(BankStorageCollection.Name)]
public sealed class DepositRemovalTests(BankStorageFixture storage)
{
    private const long Amount = 10_00;

    [Theory, OnSqlite, OnPostgres]
    public void A_deposit_cut_at_any_command_and_recovered_leaves_books_and_purses_agreeing(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 10_000_00);
        AccountId owner = world.Customer("owner", cash: 5_000_00);
        AccountId shop = world.Merchant("shop", FeeRate.Free);
        var endings = new Dictionary<DepositState, int>();
        int commands = 0;
        for (int at = 0; at <= commands; at++)
        {
            foreach ((bool answered, bool recover) in new[] { (false, true), (true, true), (false, false), (true, false) })
            {
                string id = $"deposit-{at}-{(answered ? "answer-lost" : "never-arrived")}-{(recover ? "recovered" : "abandoned")}";
                WorldCard till = world.Card(id, PurseClass.Merchant);
                world.LoadCard($"load-{id}", owner, till, Amount);
                world.Deposits.Open(new DepositRequest(id, shop, till.Id));
                (PurseCard bank, CutChannel bankChannel) = world.DepositPurse(id);

                world.Cut.Arm(at, answered);
                PaymentOutcome paid = world.Coordinator.Pay(till.Purse, bank, BankWorld.Request(Amount), world.Policy);
                bool cut = world.Cut.Fired;
                commands = Math.Max(commands, cut ? at + 1 : world.Cut.Count);
                world.Cut.Disarm();
                till.Channel.Reinsert();
                bankChannel.Reinsert();
                PaymentOutcome? recovered = recover && world.Deposits.Find(id)!.IsOpen ? world.Coordinator.Recover(till.Purse, bank) : null;
                Deposit ended = world.Deposits.End(id);

                string story = $"cut at command {at} ({(answered ? "answer lost" : "never arrived")}): paid {paid.Kind}, " +
                    $"recovered {recovered?.Kind.ToString() ?? "(not)"}, deposit {ended.State}";
                Settled(world, ended, till, ended.BankPurse, story);
                if (ended.State == DepositState.ValueLogged)
                {
                    world.BankPurse(minted: 10_000_00); // that purse's log holds a record: it is lent to no payment until cleared
                }
                endings[ended.State] = endings.GetValueOrDefault(ended.State) + 1;
                Assert.True(cut || at == commands, $"{story}: the cut never fired before the end");
            }
        }
        Assert.True(commands > 10, $"a deposit took {commands} commands");
        Assert.True(endings.GetValueOrDefault(DepositState.Credited) > 0 && endings.GetValueOrDefault(DepositState.Cancelled) > 0 &&
            endings.GetValueOrDefault(DepositState.ValueLogged) > 0, string.Join(", ", endings));
    }

    private static void Settled(BankWorld world, Deposit deposit, WorldCard till, PurseId bankPurse, string story)
    {
        if (till.Pending().State == TransferState.ExpectingAck)
        {
            world.Coordinator.Abandon(till.Purse); // the merchant gives up: its card logs 01
        }
        long onCard = till.Balance();
        Transfer? credit = world.Bank.Ledger.FindTransfer(BankDeposits.KeyOf(deposit.Id).With("value"));
        bool cardLogged = till.ExceptionRecords().Any(r => r.Reason == ExceptionReason.PayerAbortedInEpa && r.Details.To == bankPurse);
        Assert.True(world.Pool.Find(bankPurse)!.IsFree, $"{story}: the bank purse is still held");
        Assert.True(onCard == Amount || credit is not null || cardLogged,
            $"{story}: the card paid, the merchant was not credited, and no exception log holds the value");
        switch (deposit.State)
        {
            case DepositState.Credited:
                Assert.True(credit is not null && onCard == 0 && deposit.Amount == Amount, $"{story}: credited, so the card paid and the merchant has it");
                break;
            case DepositState.Cancelled:
                Assert.True(credit is null && onCard == Amount, $"{story}: cancelled, so nothing moved");
                break;
            case DepositState.ValueLogged:
                Assert.True(credit is null, $"{story}: the bank purse never took the val, so the merchant is not credited");
                Assert.Empty(world.ImageExceptionRecords(bankPurse)); // archived and cleared with the purse's image
                Assert.True(world.Pool.Archive.RecordCount(bankPurse) > 0, $"{story}: the bank purse's 02 was not archived");
                Assert.True(onCard == Amount || cardLogged,
                    $"{story}: the value is still on the card (the bank purse's 02 is unfunded), or definitely lost in the logs " +
                    "(the card's 01 and the bank purse's 02: the archive refunds the merchant)");
                if (cardLogged)
                {
                    // The merchant card's 01 arrives: with the bank purse's archived 02, definitely lost, refunded to the
                    // merchant account the deposit linked the card to.
                    ArchiveResult upload = world.Pool.Archive.Upload(world.UploadOf(till));
                    PaymentDetails lost = upload.Records.Single(r => r.Record.Details.To == bankPurse).Record.Details;
                    LostPayment refunded = world.Pool.Archive.Find(lost)!;
                    Assert.Equal((LostPaymentState.Refunded, deposit.MerchantAccount), (refunded.State, refunded.RefundAccount));
                }
                break;
            default:
                Assert.Fail($"{story}: the deposit is still open after the bank ended it");
                break;
        }
        world.AssertBooksAgree();
    }
}
