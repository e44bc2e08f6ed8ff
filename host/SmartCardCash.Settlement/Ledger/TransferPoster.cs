using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// Records a linked chain of transfers in one database transaction, all or none (TigerBeetle's rules): a chain whose
/// transfers all exist with the same content is a retry and changes nothing; a transfer ID reused with other content,
/// or a chain only partly recorded, is refused. Every account the chain touches is locked first, in ID order; then
/// each transfer is checked against the balances as the earlier transfers of the chain left them.
/// </summary>
internal static class TransferPoster
{
    public const int MaxChainLength = 100;

    public static SubmitResult Submit(BankTransaction tx, IReadOnlyList<TransferRequest> chain)
    {
        CheckShape(chain);
        Dictionary<TransferId, Transfer> found = LedgerStore.FindTransfers(tx, [.. chain.Select(r => r.Id)]);
        Transfer?[] existing = [.. chain.Select(r => found.GetValueOrDefault(r.Id))];
        if (Array.Exists(existing, t => t is not null))
        {
            return Retried(chain, existing);
        }

        var pendings = new Dictionary<TransferId, Transfer>();
        foreach (TransferRequest request in chain.Where(r => r.PendingId is not null))
        {
            TransferId pendingId = request.PendingId!.Value;
            Transfer pending = LedgerStore.FindTransfer(tx, pendingId) ?? throw Refused(LedgerRefusal.NotPending,
                $"transfer {request.Id} resolves {pendingId}, and there is no transfer {pendingId} (a pending transfer is " +
                "recorded before its post or void, in an earlier submission)");
            pendings[pendingId] = pending.Phase == TransferPhase.Pending ? pending : throw Refused(LedgerRefusal.NotPending,
                $"transfer {request.Id} resolves {pendingId}, which is a {pending.Phase.ToString().ToLowerInvariant()} transfer, not a pending one");
        }

        IEnumerable<AccountId> touched = chain.SelectMany(r => r.PendingId is TransferId p
            ? [pendings[p].DebitAccount, pendings[p].CreditAccount]
            : new[] { r.DebitAccount!.Value, r.CreditAccount!.Value });
        Dictionary<AccountId, Account> accounts = LedgerStore.LockAccounts(tx, touched);
        var balances = accounts.ToDictionary(a => a.Key, a => a.Value.Balance);

        var recorded = new List<Transfer>(chain.Count);
        foreach ((TransferRequest request, int index) in chain.Select((r, i) => (r, i)))
        {
            Transfer? pending = request.PendingId is TransferId p ? pendings[p] : null;
            if (pending is not null && LedgerStore.FindResolution(tx, pending.Id) is Transfer resolution)
            {
                throw Refused(LedgerRefusal.PendingAlreadyResolved,
                    $"pending transfer {pending.Id} was already {Resolved(resolution)} by {resolution.Id}; it resolves once");
            }
            if (pending is not null && recorded.Find(t => t.PendingId == pending.Id) is Transfer earlier)
            {
                throw Refused(LedgerRefusal.PendingAlreadyResolved,
                    $"transfers {earlier.Id} and {request.Id} of one chain both resolve pending transfer {pending.Id}");
            }
            Transfer transfer = Plan(request, pending, chain[0].Id, index, tx.Now, accounts);
            Apply(transfer, pending, accounts, balances);
            recorded.Add(transfer);
        }

        foreach (Transfer transfer in recorded)
        {
            LedgerStore.InsertTransfer(tx, transfer);
        }
        foreach ((AccountId id, AccountBalance balance) in balances.Where(b => b.Value != accounts[b.Key].Balance))
        {
            LedgerStore.UpdateBalance(tx, id, balance);
        }
        return new SubmitResult(recorded, AlreadyRecorded: false);
    }

    private static void CheckShape(IReadOnlyList<TransferRequest> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Count is 0 or > MaxChainLength)
        {
            throw Refused(LedgerRefusal.InvalidChain, $"a chain holds 1 to {MaxChainLength} transfers, not {chain.Count}");
        }
        if (chain.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Refused(LedgerRefusal.InvalidChain, $"the chain names transfer {twice.Key} {twice.Count()} times");
        }
    }

    /// <summary>Every transfer of the chain exists: a retry if each has the content asked for; otherwise refused.</summary>
    private static SubmitResult Retried(IReadOnlyList<TransferRequest> chain, Transfer?[] existing)
    {
        for (int i = 0; i < chain.Count; i++)
        {
            if (existing[i]?.DifferenceFrom(chain[i]) is string difference)
            {
                throw Refused(LedgerRefusal.TransferConflict,
                    $"transfer {chain[i].Id} already exists and {difference}: a transfer ID is used for one transfer only");
            }
        }
        int missing = Array.FindIndex(existing, t => t is null);
        if (missing >= 0)
        {
            TransferId present = chain[Array.FindIndex(existing, t => t is not null)].Id;
            throw Refused(LedgerRefusal.PartlyRecordedChain,
                $"transfer {present} is already recorded but {chain[missing].Id} is not: a chain is recorded whole or not at all");
        }
        return new SubmitResult([.. existing.Select(t => t!)], AlreadyRecorded: true);
    }

    /// <summary>The transfer <paramref name="request"/> records, its accounts and currency checked.</summary>
    private static Transfer Plan(TransferRequest request, Transfer? pending, TransferId chainId, int index, DateTimeOffset now,
        Dictionary<AccountId, Account> accounts)
    {
        if (pending is not null)
        {
            if (request.Amount > pending.Amount)
            {
                throw Refused(LedgerRefusal.ExceedsPendingAmount,
                    $"transfer {request.Id} posts {MoneyText.Of(pending.Currency, request.Amount)}, more than the " +
                    $"{MoneyText.Of(pending.Currency, pending.Amount)} pending transfer {pending.Id} reserved");
            }
            long amount = request.Phase == TransferPhase.Void ? pending.Amount : request.Amount;
            return new Transfer(request.Id, request.Phase, pending.DebitAccount, pending.CreditAccount, amount, pending.Currency,
                pending.Code, pending.Id, request.Reference, chainId, index, now);
        }
        Account debit = Known(accounts, request.DebitAccount!.Value, request);
        Account credit = Known(accounts, request.CreditAccount!.Value, request);
        foreach (Account account in new[] { debit, credit }.Where(a => a.Currency != request.Currency))
        {
            throw Refused(LedgerRefusal.CurrencyMismatch,
                $"transfer {request.Id} is in {request.Currency!.AlphaCode}, but account {account.Id} is in {account.Currency.AlphaCode}");
        }
        if (debit.Book != credit.Book)
        {
            throw Refused(LedgerRefusal.BooksMixed, $"transfer {request.Id} would move from the {debit.Book} book ({debit.Id}) " +
                $"to the {credit.Book} book ({credit.Id}); each book balances on its own");
        }
        return new Transfer(request.Id, request.Phase, debit.Id, credit.Id, request.Amount, request.Currency!, request.Code!.Value,
            null, request.Reference, chainId, index, now);
    }

    /// <summary>Moves the balances in <paramref name="balances"/> as <paramref name="transfer"/> says, or refuses it.</summary>
    private static void Apply(Transfer transfer, Transfer? pending, Dictionary<AccountId, Account> accounts,
        Dictionary<AccountId, AccountBalance> balances)
    {
        (AccountId debitId, AccountId creditId) = (transfer.DebitAccount, transfer.CreditAccount);
        AccountBalance debit = balances[debitId], credit = balances[creditId];
        long released = pending?.Amount ?? 0;
        long amount = transfer.Amount;
        AccountBalance debitAfter, creditAfter;
        try
        {
            (debitAfter, creditAfter) = transfer.Phase switch
            {
                TransferPhase.Single => (debit with { DebitsPosted = checked(debit.DebitsPosted + amount) },
                    credit with { CreditsPosted = checked(credit.CreditsPosted + amount) }),
                TransferPhase.Pending => (debit with { DebitsPending = checked(debit.DebitsPending + amount) },
                    credit with { CreditsPending = checked(credit.CreditsPending + amount) }),
                TransferPhase.Post => (debit with { DebitsPending = debit.DebitsPending - released, DebitsPosted = checked(debit.DebitsPosted + amount) },
                    credit with { CreditsPending = credit.CreditsPending - released, CreditsPosted = checked(credit.CreditsPosted + amount) }),
                _ => (debit with { DebitsPending = debit.DebitsPending - released },
                    credit with { CreditsPending = credit.CreditsPending - released }),
            };
            // The flags (and the database's CHECKs) add pending to posted: that sum must fit too.
            _ = checked(debitAfter.DebitsPending + debitAfter.DebitsPosted);
            _ = checked(creditAfter.CreditsPending + creditAfter.CreditsPosted);
        }
        catch (OverflowException)
        {
            throw Refused(LedgerRefusal.Overflow, $"transfer {transfer.Id} would take a total of {debitId} or {creditId} past the largest amount the ledger holds");
        }
        Account debitAccount = accounts[debitId], creditAccount = accounts[creditId];
        if (!debitAfter.Satisfies(debitAccount.Flags))
        {
            throw Refused(LedgerRefusal.ExceedsCredits, $"account {debitId} has {Format(debitAccount, debit.AvailableCredit)} available " +
                $"({Format(debitAccount, debit.CreditsPosted)} credited, {Format(debitAccount, debit.DebitsPosted)} debited, " +
                $"{Format(debitAccount, debit.DebitsPending)} reserved); transfer {transfer.Id} needs {Format(debitAccount, amount)}");
        }
        if (!creditAfter.Satisfies(creditAccount.Flags))
        {
            throw Refused(LedgerRefusal.ExceedsDebits, $"account {creditId} holds {Format(creditAccount, credit.DebitsPosted - credit.CreditsPosted - credit.CreditsPending)} " +
                $"not yet credited out; transfer {transfer.Id} would credit it {Format(creditAccount, amount)}");
        }
        LedgerInvariants.TransferChecked(transfer, pending, (debit, debitAfter), (credit, creditAfter));
        LedgerInvariants.BalanceChecked(debitAccount, debitAfter);
        LedgerInvariants.BalanceChecked(creditAccount, creditAfter);
        (balances[debitId], balances[creditId]) = (debitAfter, creditAfter);
    }

    private static Account Known(Dictionary<AccountId, Account> accounts, AccountId id, TransferRequest request) =>
        accounts.TryGetValue(id, out Account? account)
            ? account
            : throw Refused(LedgerRefusal.UnknownAccount, $"transfer {request.Id} names account {id}, which does not exist");

    private static string Resolved(Transfer resolution) => resolution.Phase == TransferPhase.Post ? "posted" : "voided";

    private static string Format(Account account, long minorUnits) => MoneyText.Of(account.Currency, minorUnits);

    private static LedgerRefusedException Refused(LedgerRefusal reason, string sentence) => new(reason, sentence + ".");
}
