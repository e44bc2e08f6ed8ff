using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Postings;

/// <summary>
/// The bank's chart of accounts: the IDs of the accounts a currency has one of (<c>EUR.minted</c>, <c>EUR.float</c>…),
/// of each bank purse's account, and the accounts to open before a currency is used.
/// </summary>
public static class BankChart
{
    public static AccountId Minted(Currency currency) => System(currency, "minted");

    public static AccountId Outstanding(Currency currency) => System(currency, "outstanding");

    public static AccountId Float(Currency currency) => System(currency, "float");

    public static AccountId Suspense(Currency currency) => System(currency, "suspense");

    public static AccountId FeeIncome(Currency currency) => System(currency, "fee-income");

    public static AccountId Cash(Currency currency) => System(currency, "cash");

    /// <summary>The account of the bank purse <paramref name="purseId"/> (its 16 hex digits).</summary>
    public static AccountId BankPurse(Currency currency, string purseId) => System(currency, $"bank-purse.{purseId}");

    /// <summary>The accounts <paramref name="currency"/> has one of, as <see cref="BankLedger.Open(NewAccount)"/> takes them.</summary>
    public static IReadOnlyList<NewAccount> SystemAccounts(Currency currency) =>
    [
        new(Minted(currency), currency, AccountKind.Minted),
        new(Outstanding(currency), currency, AccountKind.EValueOutstanding),
        new(Float(currency), currency, AccountKind.Float),
        new(Suspense(currency), currency, AccountKind.Suspense),
        new(FeeIncome(currency), currency, AccountKind.FeeIncome),
        new(Cash(currency), currency, AccountKind.Cash),
    ];

    private static AccountId System(Currency currency, string name) =>
        new($"{(currency ?? throw new ArgumentNullException(nameof(currency))).AlphaCode}.{name}");
}
