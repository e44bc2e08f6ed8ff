using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using Spectre.Console;

namespace SmartCardCash.Cli.Output;

/// <summary>The tables the purse commands share.</summary>
internal static class PurseTables
{
    public static Table Create(params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in columns)
        {
            table.AddColumn(column);
        }
        return table;
    }

    /// <summary>Two columns, property and value: for one purse or one issuer.</summary>
    public static Table Properties(IEnumerable<(string Name, string Value)> rows)
    {
        Table table = Create("Property", "Value");
        table.HideHeaders();
        foreach ((string name, string value) in rows)
        {
            table.AddRow(new Text(name), new Text(value));
        }
        return table;
    }

    public static Table Pockets(IEnumerable<PocketInfo> pockets)
    {
        Table table = Create("Currency", "Balance", "Max balance", "Transaction limit", "Contactless limit");
        foreach (int column in new[] { 1, 2, 3, 4 })
        {
            table.Columns[column].RightAligned();
        }
        foreach (PocketInfo pocket in pockets)
        {
            table.AddRow(new Text(pocket.Currency.ToString()), new Text(pocket.BalanceMoney.AmountText),
                new Text(pocket.MaximumBalanceMoney.AmountText), new Text(pocket.TransactionLimitMoney.AmountText),
                new Text(pocket.ContactlessLimitMoney.AmountText));
        }
        return table;
    }

    public static PocketJson Json(PocketInfo pocket) => new(pocket.Currency.ToString(), PurseFormats.Json(pocket.BalanceMoney),
        PurseFormats.Json(pocket.MaximumBalanceMoney), PurseFormats.Json(pocket.TransactionLimitMoney),
        PurseFormats.Json(pocket.ContactlessLimitMoney));

    public static PocketInfo Empty(PocketLimits limits) =>
        new(limits.Currency, 0, limits.MaximumBalance, limits.TransactionLimit, limits.ContactlessLimit);
}
