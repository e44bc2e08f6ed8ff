using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>
/// A load cut at every command of the payment, on either side (the customer's card pulled, or the bank's connection
/// lost), before the command arrived and after it was answered (the answer lost), then recovered by the coordinator
/// and ended by the bank: the books and the purses always agree, and the account is debited only if the card got the
/// value or the value is in the exception logs for the archive.
/// </summary>
[Collection(BankStorageCollection.Name)]
public sealed class LoadRemovalTests(BankStorageFixture storage)
{
    private const long Amount = 10_00;

    [Theory, OnSqlite, OnPostgres]
    public void A_load_cut_at_any_command_and_recovered_leaves_books_and_purses_agreeing(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        world.BankPurse(minted: 10_000_00);
        AccountId alice = world.Customer("alice", cash: 5_000_00);
        var endings = new Dictionary<LoadState, int>();
        int commands = 0;
        for (int at = 0; at <= commands; at++)
        {
            foreach ((bool answered, bool recover) in new[] { (false, true), (true, true), (false, false), (true, false) })
            {
                string id = $"load-{at}-{(answered ? "answer-lost" : "never-arrived")}-{(recover ? "recovered" : "abandoned")}";
                WorldCard card = world.Card(id);
                world.Authorise(id, alice, card, Amount);
                (PurseCard bank, CutChannel bankChannel) = world.LoadPurse(id);

                world.Cut.Arm(at, answered);
                PaymentOutcome paid = world.Coordinator.Pay(bank, card.Purse, BankWorld.Request(Amount), world.Policy);
                bool cut = world.Cut.Fired;
                commands = Math.Max(commands, cut ? at + 1 : world.Cut.Count);
                world.Cut.Disarm();
                card.Channel.Reinsert();
                bankChannel.Reinsert();
                // A load that is over takes no command that moves value (its purse may serve another): the terminal asks first.
                // Or the terminal vanishes, and the bank ends the load with nobody to finish it.
                PaymentOutcome? recovered = recover && world.Loads.Find(id)!.IsOpen ? world.Coordinator.Recover(bank, card.Purse) : null;
                Load ended = world.Loads.End(id);

                string story = $"cut at command {at} ({(answered ? "answer lost" : "never arrived")}): paid {paid.Kind}, " +
                    $"recovered {recovered?.Kind.ToString() ?? "(not)"}, load {ended.State}";
                Settled(world, ended, card, ended.BankPurse, story);
                if (ended.State == LoadState.ValueLogged)
                {
                    world.BankPurse(minted: 10_000_00); // that purse's log holds a record: it is lent to no payment until cleared
                }
                endings[ended.State] = endings.GetValueOrDefault(ended.State) + 1;
                Assert.True(cut || at == commands, $"{story}: the cut never fired before the end");
            }
        }
        Assert.True(commands > 10, $"a load took {commands} commands");
        Assert.True(endings.GetValueOrDefault(LoadState.Completed) > 0 && endings.GetValueOrDefault(LoadState.Cancelled) > 0 &&
            endings.GetValueOrDefault(LoadState.ValueLogged) > 0, string.Join(", ", endings));
    }

    /// <summary>The load is over, its purse free, and what the account paid is what the card got, or what the logs hold.</summary>
    internal static void Settled(BankWorld world, Load load, WorldCard card, PurseId bankPurse, string story)
    {
        long onCard = card.Balance();
        Transfer? debit = world.Bank.Ledger.FindTransfer(BankLoads.KeyOf(load.Id).With("posted"));
        Transfer? release = world.Bank.Ledger.FindResolution(BankLoads.KeyOf(load.Id));
        Assert.True(world.Pool.Find(bankPurse)!.IsFree, $"{story}: the bank purse is still held");
        Assert.True(release is not null, $"{story}: the reservation is still open");
        Assert.True(onCard == 0 || debit is not null, $"{story}: the card has the value and the account was never debited");
        switch (load.State)
        {
            case LoadState.Completed:
                Assert.True(debit is not null && onCard == Amount, $"{story}: completed, so the account paid and the card has it");
                break;
            case LoadState.Cancelled:
                Assert.True(debit is null && release!.Phase == TransferPhase.Void && onCard == 0,
                    $"{story}: cancelled, so the reservation was voided and the card has nothing");
                break;
            case LoadState.ValueLogged:
                // The bank archived its purse's 01 and cleared the purse's log, in the transaction that wrote its image.
                Assert.Empty(world.ImageExceptionRecords(bankPurse));
                LostPayment archived = Assert.Single(world.Pool.Archive.PaymentsOf(bankPurse), p => p.Details.To == card.Id);
                Assert.Equal(LostPaymentState.MaybeLost, archived.State); // the 01 alone never refunds (spec 4.4(6))
                if (card.Pending().State == TransferState.ExpectingVal)
                {
                    world.Coordinator.Abandon(card.Purse); // its holder gives up waiting: the card logs 02
                }
                bool cardLost = card.ExceptionRecords().Any(r => r.Reason == ExceptionReason.PayeeAbortedInEpv && r.Details.Equals(archived.Details));
                Assert.True(debit is not null && (onCard == Amount || cardLost),
                    $"{story}: the account paid; the value is on the card (the bank purse's 01 is then never refunded) " +
                    "or in the exception logs as definitely lost (01 and the card's 02: the archive refunds it)");
                if (cardLost)
                {
                    // The card's 02 arrives: definitely lost, refunded once to the account the load linked the card to.
                    world.Pool.Archive.Upload(world.UploadOf(card));
                    LostPayment refunded = world.Pool.Archive.Find(archived.Details)!;
                    Assert.Equal((LostPaymentState.Refunded, load.Account), (refunded.State, refunded.RefundAccount));
                }
                break;
            default:
                Assert.Fail($"{story}: the load is still open after the bank ended it");
                break;
        }
        world.AssertBooksAgree();
    }
}
