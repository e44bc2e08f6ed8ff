using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Clearing;
using SmartCardCash.Settlement.Hotlist;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Deposits;

/// <summary>
/// Deposits: a merchant's card pays its value into one of the bank's purses while the merchant's terminal drives the
/// payment with the ordinary payment coordinator. <see cref="Open"/> holds a bank purse for that merchant purse; each
/// command to the purse goes through <see cref="Transmit"/> (one database transaction each, behind the deposit's
/// gate); the VAL the purse accepts credits the merchant, less the fee, in the transaction that writes the purse's
/// credit (<see cref="BankPostings.Deposit"/>), and clears the merchant's val with the purse's ack in that same
/// transaction (<see cref="ValClearing"/>: the same key as any journal's, so a clone is found whichever comes first).
/// <see cref="End"/> frees the purse of a deposit whose terminal went away; <see cref="ResetPayment"/> readies it for a
/// new payment in the same deposit when the first one moved nothing (a retry after the terminal died mid-payment).
/// A deposit is credited at most once: only an open deposit takes a payment, and its first val ends it.
/// </summary>
public sealed class BankDeposits
{
    private readonly BankPursePool _purses;
    private readonly ValClearing _clearing;

    public BankDeposits(BankPursePool purses)
    {
        _purses = purses ?? throw new ArgumentNullException(nameof(purses));
        _clearing = new ValClearing(new CertificateRegistry(purses.Database, purses.Issuer.Certificate));
    }

    /// <summary>The key of a deposit's transfers: <c>deposit/ID</c>.</summary>
    /// <exception cref="ArgumentException">The ID does not make a transfer ID.</exception>
    public static TransferId KeyOf(string depositId) => new($"deposit/{depositId}");

    /// <summary>Holds a free bank purse in the merchant account's currency for a payment from
    /// <see cref="DepositRequest.MerchantPurse"/>. Idempotent by the request ID; other content under it is refused.</summary>
    /// <exception cref="BankPurseRefusedException">A conflicting reuse of the ID, no such account, not a merchant account,
    /// a merchant purse on the hotlist (<see cref="BankPurseRefusal.PurseHotlisted"/>), or no free bank purse.</exception>
    public DepositOpening Open(DepositRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _purses.Database.Write(tx =>
        {
            if (DepositStore.Find(tx, request.RequestId) is Deposit existing)
            {
                return existing.Matches(request) ? new DepositOpening(existing, AlreadyOpen: true) : throw new BankPurseRefusedException(
                    BankPurseRefusal.RequestConflict, $"request {request.RequestId} already opened a deposit from purse " +
                    $"{existing.MerchantPurse} for {existing.MerchantAccount}: a request ID names one deposit only.");
            }
            if (BankPurseStore.Find(tx, request.MerchantPurse) is not null)
            {
                throw new BankPurseRefusedException(BankPurseRefusal.BankPurseAsParty,
                    $"purse {request.MerchantPurse} is one of the bank's own purses: deposits come from merchants' purses.");
            }
            if (BankHotlist.IsListed(tx, request.MerchantPurse))
            {
                throw new BankPurseRefusedException(BankPurseRefusal.PurseHotlisted,
                    $"purse {request.MerchantPurse} is on the bank's hotlist: the bank takes no deposit from it.");
            }
            Account account = LedgerStore.FindAccount(tx, request.MerchantAccount)
                ?? throw new BankPurseRefusedException(BankPurseRefusal.UnknownAccount, $"the bank has no account {request.MerchantAccount}.");
            if (account.Kind != AccountKind.Merchant)
            {
                throw new BankPurseRefusedException(BankPurseRefusal.WrongAccountKind,
                    $"account {account.Id} is a {account.Kind} account; deposits are paid to merchant accounts.");
            }
            BankPurseRow purse = BankPurseStore.Claim(tx, account.Currency, 0, HolderOf(request.RequestId))
                ?? throw new BankPurseRefusedException(BankPurseRefusal.NoPurseFree,
                    $"no {account.Currency.AlphaCode} bank purse is free; try again later.");
            var deposit = new Deposit(request.RequestId, account.Id, request.MerchantPurse, account.Currency, purse.PurseId, DepositState.Open, null);
            // No purse-account link: a deposit lost in flight is refunded to this deposit's account (the archive finds it
            // by the bank purse and the merchant's purse), and whoever holds a merchant key cannot steer another
            // purse's refunds to its account by naming that purse here.
            DepositStore.Insert(tx, deposit);
            return new DepositOpening(deposit, AlreadyOpen: false);
        });
    }

    public Deposit? Find(string depositId) => _purses.Database.Read(tx => DepositStore.Find(tx, depositId));

    /// <summary>
    /// One command to the deposit's bank purse, in one database transaction: lock the purse, check the command against
    /// the deposit's gate (<c>6900</c> outside it, or once the deposit is over), run it on the purse, record what it
    /// moved (the VAL the purse accepts: <see cref="BankPostings.Deposit"/>), write the purse's image, commit; only then
    /// is the response returned.
    /// </summary>
    /// <exception cref="BankPurseRefusedException">No such deposit.</exception>
    /// <exception cref="BankStorageException">The transaction did not commit: there is no answer, and the purse's next
    /// command starts from its image as it was.</exception>
    public byte[] Transmit(string depositId, ReadOnlySpan<byte> command)
    {
        byte[] bytes = command.ToArray();
        Deposit deposit = Find(depositId) ?? throw Unknown(depositId);
        return _purses.Exchange(deposit.BankPurse, bytes, tx => DepositStore.Find(tx, depositId)!, now => now.IsOpen,
            (tx, now, purse) => new BankPurseStep(HolderOf(depositId),
                card => DepositGate.Answer(bytes, now, purse, card.Selected),
                (before, after, response) => Committed(tx, now, before, after, bytes, response)));
    }

    /// <summary>A channel onto the deposit's bank purse, for a <c>PaymentCoordinator</c> in this process.</summary>
    public InProcessBankPurseChannel OpenChannel(string depositId) =>
        new($"bank:deposit/{depositId}", command => Transmit(depositId, command));

    /// <summary>
    /// Ends the deposit's hold on its bank purse, whatever the terminal did: an idle purse is simply freed
    /// (<see cref="DepositState.Cancelled"/>); a purse still waiting for the merchant's val is aborted by the bank and
    /// logs the payment (02): <see cref="DepositState.ValueLogged"/>, the exception archive's to settle with the
    /// merchant card's record. A deposit already over is returned as it is. Idempotent.
    /// </summary>
    /// <exception cref="BankPurseRefusedException">No such deposit.</exception>
    public Deposit End(string depositId) => WhileOpen(depositId, (tx, deposit, purse) =>
    {
        string holder = HolderOf(depositId);
        if (purse.TransferState == TransferState.Idle)
        {
            BankPurseStore.Release(tx, purse.PurseId, holder);
            return DepositStore.Move(tx, deposit, DepositState.Cancelled);
        }
        _purses.AbortAndRelease(tx, purse, holder);
        return DepositStore.Move(tx, deposit, DepositState.ValueLogged);
    });

    /// <summary>
    /// Makes the open deposit's bank purse ready for a new payment from the merchant's card, under the same request ID:
    /// a purse still waiting for the val of a payment the card has left (its terminal died, and the card's transfer
    /// was recovered with nothing paid, or given up) is aborted by the bank, and its 02 archived and cleared in that
    /// transaction, as <see cref="End"/> does; an idle purse is left as it is. The deposit stays open and holds the
    /// purse. A deposit that is over is returned as it is: only an open deposit takes a payment, and a deposit is open
    /// only until its first val arrives, so a request ID is credited at most once. Idempotent.
    /// </summary>
    /// <remarks>Safe whatever the card did: the aborted payment's val can no longer arrive, so if the card did pay it
    /// (it logs 01 when it gives up), the card's 01 and the purse's 02 make it definitely lost, refunded to the merchant
    /// once by the archive, never credited by this deposit.</remarks>
    /// <exception cref="BankPurseRefusedException">No such deposit.</exception>
    public Deposit ResetPayment(string depositId) => WhileOpen(depositId, (tx, deposit, purse) =>
    {
        if (purse.TransferState == TransferState.ExpectingVal)
        {
            _purses.AbortOwnTransfer(tx, purse);
        }
        return deposit;
    });

    /// <summary>Runs <paramref name="work"/> on an open deposit and its bank purse, locked, in one transaction; a deposit
    /// that is over is returned as it is. Asserts what an open deposit is: it holds its purse, which is idle or waiting
    /// for a val, and it has credited nothing.</summary>
    private Deposit WhileOpen(string depositId, Func<BankTransaction, Deposit, BankPurseRow, Deposit> work)
    {
        Deposit deposit = Find(depositId) ?? throw Unknown(depositId);
        return _purses.Serve(deposit.BankPurse, own: true, tx =>
        {
            BankPurseRow purse = BankPurseStore.Lock(tx, deposit.BankPurse);
            Deposit now = DepositStore.Find(tx, depositId)!;
            if (!now.IsOpen)
            {
                return now;
            }
            BankPurseInvariants.Holds(purse.BusyWith == HolderOf(depositId), $"open deposit {depositId} finds bank purse {purse.Id} held by {purse.BusyWith}");
            BankPurseInvariants.Holds(purse.TransferState is TransferState.Idle or TransferState.ExpectingVal,
                $"bank purse {purse.Id} taking deposit {depositId} is {purse.TransferState}");
            NeverCredited(tx, now);
            return work(tx, now, purse);
        });
    }

    /// <summary>A request ID is credited at most once: an open deposit has no credit in the ledger yet.</summary>
    private static void NeverCredited(BankTransaction tx, Deposit deposit) =>
        BankPurseInvariants.Holds(LedgerStore.FindTransfer(tx, KeyOf(deposit.Id).With("value")) is null,
            $"deposit {deposit.Id} is {deposit.State} but the ledger holds its credit already");

    /// <summary>Ends, as <see cref="End"/> does, every deposit that has held its bank purse since before
    /// <paramref name="heldBefore"/>: its terminal is gone, and the purse must serve others. Returns the deposits ended; one
    /// that cannot be ended now is added to <paramref name="failures"/> and the others are still ended.</summary>
    public IReadOnlyList<Deposit> EndHeldSince(DateTimeOffset heldBefore, ICollection<(string Id, Exception Error)>? failures = null) =>
        EndAll(HolderOf(""), heldBefore, failures);

    /// <summary>Ends every open deposit whose ID starts with <paramref name="idPrefix"/> (a revoked key's deposits), as
    /// <see cref="EndHeldSince"/> does.</summary>
    public IReadOnlyList<Deposit> EndOpen(string idPrefix, ICollection<(string Id, Exception Error)>? failures = null) =>
        EndAll(HolderOf(idPrefix), null, failures);

    private List<Deposit> EndAll(string holderPrefix, DateTimeOffset? heldBefore, ICollection<(string Id, Exception Error)>? failures)
    {
        var ended = new List<Deposit>();
        foreach (string holder in _purses.Database.Read(tx => BankPurseStore.Holders(tx, holderPrefix, heldBefore)))
        {
            string id = holder[HolderOf("").Length..];
            try
            {
                ended.Add(End(id));
            }
            catch (Exception e) when (failures is not null)
            {
                failures.Add((id, e)); // one deposit that cannot be ended now never keeps the others' purses held
            }
        }
        return ended;
    }

    internal static string HolderOf(string depositId) => $"deposit:{depositId}";

    /// <summary>
    /// The VAL the purse accepted (epv → idle, credited): the merchant paid less its fee, and the val cleared with the
    /// purse's ack. True: the purse is free.
    /// </summary>
    /// <remarks>
    /// A clone found here (the merchant purse signed other payment details with this sequence number, cleared before)
    /// is kept as evidence and the purse hotlisted, and the deposit is still credited: the value did arrive in the
    /// bank purse, which verified the val; it is e-value that came back. Refusing earlier cannot be decided on evidence:
    /// START TO's sequence number is unsigned, the val is the first thing the merchant purse signs, and refusing the VAL
    /// leaves the payment definitely lost (the merchant's 01 and the bank purse's 02), which the archive would refund.
    /// </remarks>
    private bool Committed(BankTransaction tx, Deposit deposit, BankPurseSnapshot before, BankPurseSnapshot after, byte[] command, byte[] response)
    {
        if (before.State != TransferState.ExpectingVal || after.State != TransferState.Idle || after.Balance == before.Balance)
        {
            return false;
        }
        PaymentDetails pd = after.Payment!;
        BankPurseInvariants.Holds(pd.From == deposit.MerchantPurse && pd.To == deposit.BankPurse && deposit.IsOpen,
            $"bank purse {deposit.BankPurse} accepted {pd} for deposit {deposit.Id} ({deposit.State})");
        NeverCredited(tx, deposit);
        ProtectedMessage val = ProtectedMessage.Parse(MessageType.Val, CommandApdu.Parse(command).Data.Span);
        ProtectedMessage ack = ProtectedMessage.Parse(MessageType.Ack, response.AsSpan(0, response.Length - 2));
        BankPurseInvariants.Holds(val.Details.Equals(pd) && ack.Details.Equals(pd), $"bank purse {deposit.BankPurse} accepted {pd} from other messages");
        _clearing.Accepted(tx, new SignedPayment(val, ack));
        Account merchant = LedgerStore.FindAccount(tx, deposit.MerchantAccount)!;
        BankLedger.Submit(tx, BankPostings.Deposit(KeyOf(deposit.Id), merchant, deposit.BankPurse.ToString(), pd.Value,
            $"deposit from purse {pd.From} seq {pd.FromSeq}"));
        DepositStore.Move(tx, deposit, DepositState.Credited, pd.Value, pd.FromSeq);
        return true;
    }

    private static BankPurseRefusedException Unknown(string depositId) =>
        new(BankPurseRefusal.UnknownDeposit, $"the bank has no deposit {depositId}.");
}
