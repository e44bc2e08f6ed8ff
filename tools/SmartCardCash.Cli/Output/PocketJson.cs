namespace SmartCardCash.Cli.Output;

/// <summary>One pocket in JSON: its balance and limits.</summary>
internal sealed record PocketJson(string Currency, MoneyJson Balance, MoneyJson MaximumBalance, MoneyJson TransactionLimit,
    MoneyJson ContactlessLimit);
