namespace SmartCardCash.Settlement.Audit;

/// <summary>A row of the audit's sums: an account (or currency) and a total of transfer amounts.</summary>
internal sealed class AccountSum
{
    public string Account { get; set; } = "";

    public long Total { get; set; }
}
