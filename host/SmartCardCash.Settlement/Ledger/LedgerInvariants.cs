using System.Runtime.CompilerServices;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// What every write of the ledger must leave true, asserted in release builds too, before the transaction commits
/// (a failure rolls it back): totals never negative, every flag honoured, each transfer's debits equal to its
/// credits, a resolution within its pending transfer. The database's CHECKs repeat the first two.
/// </summary>
internal static class LedgerInvariants
{
    public static void BalanceChecked(Account account, AccountBalance balance)
    {
        Holds(balance.IsNonNegative, $"a negative total on {account.Id}: {balance}");
        Holds(balance.Satisfies(account.Flags), $"{account.Id}'s flags {account.Flags} broken by {balance}");
    }

    /// <summary>A transfer changes its debit account's debits and its credit account's credits by the same amount,
    /// pending and posted alike, and nothing else.</summary>
    public static void TransferChecked(Transfer transfer, Transfer? pending,
        (AccountBalance Before, AccountBalance After) debit, (AccountBalance Before, AccountBalance After) credit)
    {
        Holds(transfer.Amount > 0, $"transfer {transfer.Id} of {transfer.Amount}");
        Holds(transfer.DebitAccount != transfer.CreditAccount, $"transfer {transfer.Id} from and to {transfer.DebitAccount}");
        Holds(debit.After.CreditsPending == debit.Before.CreditsPending && debit.After.CreditsPosted == debit.Before.CreditsPosted,
            $"transfer {transfer.Id} changed the credits of its debit account");
        Holds(credit.After.DebitsPending == credit.Before.DebitsPending && credit.After.DebitsPosted == credit.Before.DebitsPosted,
            $"transfer {transfer.Id} changed the debits of its credit account");
        Holds(debit.After.DebitsPending - debit.Before.DebitsPending == credit.After.CreditsPending - credit.Before.CreditsPending,
            $"transfer {transfer.Id}'s pending debit and credit differ");
        Holds(debit.After.DebitsPosted - debit.Before.DebitsPosted == credit.After.CreditsPosted - credit.Before.CreditsPosted,
            $"transfer {transfer.Id}'s posted debit and credit differ");
        if (pending is not null)
        {
            Holds(pending.Phase == TransferPhase.Pending, $"{transfer.Id} resolves {pending.Id}, which is not pending");
            Holds(transfer.Amount <= pending.Amount, $"{transfer.Id} resolves more than {pending.Id} reserved");
            Holds(transfer.DebitAccount == pending.DebitAccount && transfer.CreditAccount == pending.CreditAccount,
                $"{transfer.Id} resolves {pending.Id} between other accounts");
        }
    }

    public static void Holds(bool condition, string what, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new LedgerInvariantException($"ledger invariant broken: {what} ({expression})");
        }
    }
}
