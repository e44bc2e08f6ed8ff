using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// What keeps a currency's bank purses from a payment when none could be claimed (<see cref="BankPurseStore.Availability"/>),
/// each purse counted under the first reason that applies: it serves another payment (held, or not idle), its exception
/// log holds records the bank has not archived, or it holds less than the payment needs. The one sentence of
/// <see cref="BankPurseRefusal.NoPurseFree"/> says which, so an operator knows whether to wait, mint or look at a purse;
/// it says to try again later only when a purse serves a payment.
/// </summary>
internal sealed class BankPurseAvailability
{
    public long Purses { get; set; }

    public long Busy { get; set; }

    public long Logged { get; set; }

    public long Short { get; set; }

    public BankPurseRefusedException NoneFree(Currency currency, long minimumBalance)
    {
        ArgumentNullException.ThrowIfNull(currency);
        if (Purses == 0)
        {
            return new BankPurseRefusedException(BankPurseRefusal.NoPurseFree,
                $"the bank has no {currency.AlphaCode} purse; its operator provisions and mints one (scc bank purses provision).");
        }
        // Counted after the claim found none; under PostgreSQL's read committed a payment may have ended in between.
        long freed = Purses - Busy - Logged - Short;
        IEnumerable<string> reasons = new[]
        {
            (Busy, "serves another payment", "serve other payments"),
            (Short, $"holds less than {MoneyText.Of(currency, minimumBalance)}", $"hold less than {MoneyText.Of(currency, minimumBalance)}"),
            (Logged, "has exception records the bank has not archived", "have exception records the bank has not archived"),
            (freed, "was freed just now", "were freed just now"),
        }.Where(r => r.Item1 > 0).Select(r => $"{r.Item1} {(r.Item1 == 1 ? r.Item2 : r.Item3)}");
        // Waiting helps only when a purse serves a payment that will end; value short or records waiting need the operator.
        return new BankPurseRefusedException(BankPurseRefusal.NoPurseFree,
            $"no {currency.AlphaCode} bank purse is free with {MoneyText.Of(currency, minimumBalance)} in it (of {Purses}: " +
            $"{string.Join(", ", reasons)}){(Busy + freed > 0 ? "; try again later" : "")}.");
    }
}
