using SmartCardCash.CardAccess;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Archive;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// The books of the bank <c>scc bank serve</c> keeps in a <see cref="PurseHome"/>, written as the bank's own loads
/// write them (scc load is another helper's; its postings and the purse link are the library's): the home's bank card
/// minted in the ledger, a customer account paid in cash and loaded into a card's purse, which is linked to it.
/// </summary>
internal static class BankBooks
{
    public static string PurseId(PurseHome home, string card)
    {
        using CardConnection connection = home.Cards.Open(card);
        PurseCard purse = PurseCard.Open(connection.Channel, connection.DisplayName);
        return purse.Select().PurseId!.Value.ToString();
    }

    /// <summary>Records that <paramref name="card"/> was loaded with <paramref name="cents"/> from a new customer account
    /// <c>customer.CARD</c> (cash paid in first) out of the home's bank card, minted with 1000.00.</summary>
    public static void Loaded(PurseHome home, string card, long cents)
    {
        BankDatabase database = BankDatabase.Open(Path.Combine(home.Path, "bank", "bank.db"));
        var ledger = new BankLedger(database);
        foreach (NewAccount account in BankChart.SystemAccounts(Currency.Eur))
        {
            ledger.Open(account);
        }
        string bank = PurseId(home, "bank");
        ledger.Open(new NewAccount(BankChart.BankPurse(Currency.Eur, bank), Currency.Eur, AccountKind.BankPurse));
        ledger.Submit(BankPostings.Mint(new TransferId($"mint.{bank}"), Currency.Eur, bank, 1000_00));
        var customer = new AccountId($"customer.{card}");
        ledger.Open(new NewAccount(customer, Currency.Eur, AccountKind.Customer));
        ledger.Submit(BankPostings.CashIn(new TransferId($"cash-in.{card}"), Currency.Eur, customer, cents));
        ledger.Submit(BankPostings.AuthoriseLoad(new TransferId($"load.{card}"), Currency.Eur, customer, cents));
        ledger.Submit(BankPostings.CompleteLoad(new TransferId($"load.{card}"), Currency.Eur, bank, cents));
        new PurseAccounts(database).Link(Purse.Spec.PurseId.Parse(PurseId(home, card)), customer);
    }
}
