using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Loads;

/// <summary>
/// Loads: value from a customer's account onto a card, paid by one of the bank's purses while the customer's terminal
/// drives the payment with the ordinary payment coordinator. <see cref="Authorise"/> reserves the amount and holds a
/// bank purse; every command to that purse then goes through <see cref="Transmit"/> (one database transaction each,
/// behind the load's gate); the REQ the purse answers debits the account in the transaction that writes the purse's
/// debit; <see cref="End"/> frees the purse of a load whose terminal went away.
/// </summary>
public sealed class BankLoads(BankPursePool purses)
{
    private readonly BankPursePool _purses = purses ?? throw new ArgumentNullException(nameof(purses));

    /// <summary>The key of a load's transfers: <c>load/ID</c>.</summary>
    /// <exception cref="ArgumentException">The ID does not make a transfer ID.</exception>
    public static TransferId KeyOf(string loadId) => new($"load/{loadId}");

    /// <summary>Authorises exactly <paramref name="request"/>: the amount reserved on the account
    /// (<see cref="BankPostings.AuthoriseLoad"/>) and a bank purse holding enough value held for it. Idempotent by the
    /// request ID: the same request again returns the same load; other content under that ID is refused. The payee purse
    /// is linked to the account (<see cref="PurseAccounts"/>) in the same transaction.</summary>
    /// <exception cref="BankPurseRefusedException">A conflicting reuse of the ID, no such account, not a customer account,
    /// another currency, a payee purse on the hotlist, or no free bank purse with enough value.</exception>
    /// <exception cref="LedgerRefusedException">The account does not have the amount available (<see cref="LedgerRefusal.ExceedsCredits"/>).</exception>
    public LoadAuthorisation Authorise(LoadRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _purses.Database.Write(tx =>
        {
            if (LoadStore.Find(tx, request.RequestId) is Load existing)
            {
                return existing.Matches(request) ? new LoadAuthorisation(existing, AlreadyAuthorised: true) : throw new BankPurseRefusedException(
                    BankPurseRefusal.RequestConflict, $"request {request.RequestId} already authorised a load of " +
                    $"{MoneyText.Of(existing.Currency, existing.Amount)} from {existing.Account} into purse {existing.Payee}: a request ID names one load only.");
            }
            Account account = LedgerStore.FindAccount(tx, request.Account)
                ?? throw new BankPurseRefusedException(BankPurseRefusal.UnknownAccount, $"the bank has no account {request.Account}.");
            if (account.Kind != AccountKind.Customer)
            {
                throw new BankPurseRefusedException(BankPurseRefusal.WrongAccountKind,
                    $"account {account.Id} is {AccountKinds.WithArticle(account.Kind)} account; loads are paid from customer accounts.");
            }
            if (account.Currency.AlphaCode != request.Currency.AlphaCode)
            {
                throw new BankPurseRefusedException(BankPurseRefusal.CurrencyMismatch,
                    $"account {account.Id} is in {account.Currency.AlphaCode}; the load is in {request.Currency.AlphaCode}.");
            }
            if (BankPurseStore.Find(tx, request.Payee) is not null)
            {
                throw new BankPurseRefusedException(BankPurseRefusal.BankPurseAsParty,
                    $"purse {request.Payee} is one of the bank's own purses: loads are paid into cardholders' purses.");
            }
            if (BankHotlist.IsListed(tx, request.Payee))
            {
                throw new BankPurseRefusedException(BankPurseRefusal.PurseHotlisted,
                    $"purse {request.Payee} is on the bank's hotlist: the bank loads no value into it.");
            }
            // The account's funds first: a load it cannot cover is refused as such (409), whatever the purses.
            BankLedger.Submit(tx, BankPostings.AuthoriseLoad(KeyOf(request.RequestId), request.Currency, account.Id, request.Amount,
                $"load into purse {request.Payee}"));
            string holder = HolderOf(request.RequestId);
            BankPurseRow purse = BankPurseStore.Claim(tx, request.Currency, request.Amount, holder)
                ?? throw BankPurseStore.Availability(tx, request.Currency, request.Amount).NoneFree(request.Currency, request.Amount);
            var load = new Load(request.RequestId, account.Id, request.Payee, request.Currency, request.Amount, purse.PurseId, LoadState.Authorised);
            LoadStore.Insert(tx, load);
            return new LoadAuthorisation(load, AlreadyAuthorised: false);
        });
    }

    public Load? Find(string loadId) => _purses.Database.Read(tx => LoadStore.Find(tx, loadId));

    /// <summary>
    /// One command to the load's bank purse, in one database transaction: lock the purse, check the command against the
    /// load's gate (<c>6900</c> if it is outside the authorisation, or the load is over), run it on the purse, record
    /// what it moved (the REQ the purse answers: <see cref="BankPostings.CompleteLoad"/>), write the purse's image,
    /// commit; only then is the response returned.
    /// </summary>
    /// <exception cref="BankPurseRefusedException">No such load.</exception>
    /// <exception cref="BankStorageException">The transaction did not commit: there is no answer, and the purse's next
    /// command starts from its image as it was.</exception>
    public byte[] Transmit(string loadId, ReadOnlySpan<byte> command)
    {
        byte[] bytes = command.ToArray();
        Load load = Find(loadId) ?? throw Unknown(loadId);
        return _purses.Exchange(load.BankPurse, bytes, tx => LoadStore.Find(tx, loadId)!, now => now.IsOpen,
            (tx, now, purse) => new BankPurseStep(HolderOf(loadId),
                card => LoadGate.Answer(bytes, now, purse, card.Selected),
                (before, after, _) => Committed(tx, now, before, after)));
    }

    /// <summary>A channel onto the load's bank purse, for a <c>PaymentCoordinator</c> in this process.</summary>
    public InProcessBankPurseChannel OpenChannel(string loadId) => new($"bank:load/{loadId}", command => Transmit(loadId, command));

    /// <summary>
    /// Ends the load's hold on its bank purse, whatever the terminal did: a load that moved no value is cancelled (its
    /// purse aborted if it was in epr: nothing is logged) and its reservation released (<see cref="BankPostings.CancelLoad"/>);
    /// a load whose purse still waits for the card's ack is aborted by the bank, which logs the payment in the purse's
    /// exception log (01): <see cref="LoadState.ValueLogged"/>, the exception archive's to settle. A load already over
    /// is returned as it is. Idempotent.
    /// </summary>
    /// <exception cref="BankPurseRefusedException">No such load.</exception>
    public Load End(string loadId)
    {
        Load load = Find(loadId) ?? throw Unknown(loadId);
        string holder = HolderOf(loadId);
        return _purses.Serve(load.BankPurse, own: true, tx =>
        {
            BankPurseRow purse = BankPurseStore.Lock(tx, load.BankPurse);
            Load now = LoadStore.Find(tx, loadId)!;
            if (!now.IsOpen)
            {
                return now;
            }
            BankPurseInvariants.Holds(purse.BusyWith == holder, $"open load {loadId} finds bank purse {purse.Id} held by {purse.BusyWith}");
            TransferState state = purse.TransferState;
            BankPurseInvariants.Holds(now.State == LoadState.Authorised || state == TransferState.ExpectingAck,
                $"debited load {loadId}'s purse is {state}, not waiting for the ack");
            Load ended;
            if (now.State == LoadState.Authorised)
            {
                BankLedger.Submit(tx, BankPostings.CancelLoad(KeyOf(loadId), "the load ended with no value paid"));
                ended = LoadStore.Move(tx, now, LoadState.Cancelled);
            }
            else
            {
                // Recorded before the purse's 01 is archived, so the archive finds whose load it was if the card's 02 is there.
                ended = LoadStore.Move(tx, now, LoadState.ValueLogged);
            }
            if (state == TransferState.Idle)
            {
                BankPurseStore.Release(tx, purse.PurseId, holder);
            }
            else
            {
                BankPurseInvariants.Holds(state != TransferState.ExpectingVal, $"bank purse {purse.Id} paying load {loadId} is in epv");
                _purses.AbortAndRelease(tx, purse, holder);
            }
            return ended;
        });
    }

    /// <summary>Ends, as <see cref="End"/> does, every load that has held its bank purse since before
    /// <paramref name="heldBefore"/>: its terminal is gone, and the purse must serve others. Returns the loads ended; one
    /// that cannot be ended now is added to <paramref name="failures"/> and the others are still ended.</summary>
    public IReadOnlyList<Load> EndHeldSince(DateTimeOffset heldBefore, ICollection<(string Id, Exception Error)>? failures = null) =>
        EndAll(HolderOf(""), heldBefore, failures);

    /// <summary>Ends every open load whose ID starts with <paramref name="idPrefix"/> (a revoked key's loads), as
    /// <see cref="EndHeldSince"/> does.</summary>
    public IReadOnlyList<Load> EndOpen(string idPrefix, ICollection<(string Id, Exception Error)>? failures = null) =>
        EndAll(HolderOf(idPrefix), null, failures);

    private List<Load> EndAll(string holderPrefix, DateTimeOffset? heldBefore, ICollection<(string Id, Exception Error)>? failures)
    {
        var ended = new List<Load>();
        foreach (string holder in _purses.Database.Read(tx => BankPurseStore.Holders(tx, holderPrefix, heldBefore)))
        {
            string id = holder[HolderOf("").Length..];
            try
            {
                ended.Add(End(id));
            }
            catch (Exception e) when (failures is not null)
            {
                failures.Add((id, e)); // one load that cannot be ended now never keeps the others' purses held
            }
        }
        return ended;
    }

    internal static string HolderOf(string loadId) => $"load:{loadId}";

    /// <summary>What a command that changed the purse means for the load; true when the load is over and the purse free.</summary>
    private static bool Committed(BankTransaction tx, Load load, BankPurseSnapshot before, BankPurseSnapshot after)
    {
        if (before.State == TransferState.ExpectingReq && after.State == TransferState.ExpectingAck)
        {
            BankPurseInvariants.Holds(load.State == LoadState.Authorised && LoadGate.IsThePayment(after.Payment, load, load.BankPurse),
                $"bank purse {load.BankPurse} paid {after.Payment} for load {load.Id} ({load.State})");
            BankLedger.Submit(tx, BankPostings.CompleteLoad(KeyOf(load.Id), load.Currency, load.BankPurse.ToString(), load.Amount,
                $"load into purse {load.Payee}"));
            LoadStore.Move(tx, load, LoadState.Debited);
            // Which account loaded the purse, once value really left for it (an authorisation alone, or a cancelled
            // load, links nothing): the card's definitely lost payments are refunded there.
            PurseAccounts.Link(tx, load.Payee, load.Account);
            return false;
        }
        if (load.State == LoadState.Debited && after.State == TransferState.Idle)
        {
            LoadStore.Move(tx, load, LoadState.Completed);
            return true;
        }
        return false;
    }

    private static BankPurseRefusedException Unknown(string loadId) =>
        new(BankPurseRefusal.UnknownLoad, $"the bank has no load {loadId}.");
}
