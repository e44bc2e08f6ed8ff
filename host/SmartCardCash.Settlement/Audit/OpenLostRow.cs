namespace SmartCardCash.Settlement.Audit;

/// <summary>One (currency, state) group of open <c>lost_payments</c> as Dapper reads it.</summary>
internal sealed class OpenLostRow
{
    public string Currency { get; set; } = "";

    public string State { get; set; } = "";

    public long Count { get; set; }

    public long Total { get; set; }
}
