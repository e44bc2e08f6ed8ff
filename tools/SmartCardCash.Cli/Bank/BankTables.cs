using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Output;
using Spectre.Console;

namespace SmartCardCash.Cli.Bank;

/// <summary>The bank commands' tables.</summary>
internal static class BankTables
{
    public static Table Account(AccountJson account) => PurseTables.Properties(
    [
        ("Account", account.Id),
        ("Kind", account.Kind),
        ("Balance", BankMoney.Format(account.Balance, account.Currency)),
        ("Reserved", BankMoney.Format(account.Reserved, account.Currency)),
        .. account.Fee is FeeRateJson fee ? new[] { ("Fee", Fee(fee, account.Currency)) } : [],
        ("Opened", account.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)),
    ]);

    public static Table Accounts(IEnumerable<AccountJson> accounts)
    {
        Table table = PurseTables.Create("Account", "Kind", "Balance", "Reserved", "Fee");
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        foreach (AccountJson a in accounts)
        {
            table.AddRow(new Text(a.Id), new Text(a.Kind), new Text(BankMoney.Format(a.Balance, a.Currency)),
                new Text(BankMoney.Format(a.Reserved, a.Currency)), new Text(a.Fee is FeeRateJson fee ? Fee(fee, a.Currency) : ""));
        }
        return table;
    }

    public static Table Keys(IEnumerable<ApiKeyJson> keys)
    {
        Table table = PurseTables.Create("Key ID", "Role", "Account", "Label", "Issued", "Revoked");
        foreach (ApiKeyJson k in keys)
        {
            table.AddRow(new Text(k.Id), new Text(k.Role), new Text(k.MerchantAccount ?? ""), new Text(k.Label ?? ""),
                new Text(k.CreatedAt.ToString("u", System.Globalization.CultureInfo.InvariantCulture)),
                new Text(k.RevokedAt?.ToString("u", System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }
        return table;
    }

    public static Table Audit(AuditJson audit)
    {
        Table table = PurseTables.Create("Currency", "Minted", "Bank purses", "Outstanding", "Float", "Suspense", "Fee income", "Cash",
            "Customers", "Merchants", "Reserved");
        for (int column = 1; column < 11; column++)
        {
            table.Columns[column].RightAligned();
        }
        foreach (CurrencyTotalsJson c in audit.Currencies)
        {
            long[] amounts = [c.Minted, c.BankPurses, c.Outstanding, c.Float, c.Suspense, c.FeeIncome, c.Cash, c.Customers, c.Merchants, c.Reserved];
            table.AddRow([new Text(c.Currency), .. amounts.Select(a => new Text(BankMoney.Format(a, c.Currency)[4..]))]);
        }
        return table;
    }

    private static string Fee(FeeRateJson fee, string currency) =>
        $"{fee.BasisPoints} bp + {BankMoney.Format(fee.Fixed ?? 0, currency)}";
}
