using System.Runtime.CompilerServices;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// What every commit that touches a bank purse must leave true, asserted in release builds too, before the commit
/// (a failure rolls it back): the balance in the purse's card image is its account's balance in the books, and value
/// moves on the purse only by the one step of the protocol that moves it (REQ debits it, VAL credits it), by exactly
/// the payment's value.
/// </summary>
internal static class BankPurseInvariants
{
    /// <summary>The purse's image and its account agree (the account is debit-side: debits posted less credits posted).</summary>
    public static void ImageMatchesBooks(BankTransaction tx, PurseId id, Currency currency, BankPurseSnapshot image)
    {
        AccountId accountId = BankChart.BankPurse(currency, id.ToString());
        Account account = LedgerStore.FindAccount(tx, accountId)
            ?? throw new BankPurseInvariantException($"bank purse {id} has no account {accountId}");
        AccountBalance books = account.Balance;
        Holds(books.DebitsPending == 0 && books.CreditsPending == 0, $"bank purse account {accountId} has pending totals ({books})");
        Holds(books.DebitsPosted - books.CreditsPosted == image.Balance,
            $"bank purse {id} holds {image.Balance} on its card but {books.DebitsPosted - books.CreditsPosted} in the books");
    }

    /// <summary>Only a REQ the purse answered in epr lowers its balance, only a VAL it accepted in epv raises it, each by
    /// the value of the payment it names; every other command leaves the balance as it was.</summary>
    public static void TransitionChecked(PurseId id, BankPurseSnapshot before, BankPurseSnapshot after)
    {
        long moved = after.Balance - before.Balance;
        if (before.State == TransferState.ExpectingReq && after.State == TransferState.ExpectingAck)
        {
            Holds(after.Payment is { } pd && pd.From == id && -moved == pd.Value, $"bank purse {id}'s REQ moved {moved} for {after.Payment}");
        }
        else if (before.State == TransferState.ExpectingVal && after.State == TransferState.Idle && moved != 0)
        {
            Holds(after.Payment is { } pd && pd.To == id && moved == pd.Value, $"bank purse {id}'s VAL moved {moved} for {after.Payment}");
        }
        else
        {
            Holds(moved == 0, $"bank purse {id} went from {before.State} to {after.State} and its balance moved by {moved}");
        }
    }

    public static void Holds(bool condition, string what, [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new BankPurseInvariantException($"bank purse invariant broken: {what} ({expression})");
        }
    }
}
