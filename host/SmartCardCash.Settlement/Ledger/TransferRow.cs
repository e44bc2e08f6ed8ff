using System.Globalization;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>A row of <c>transfers</c> as Dapper reads and writes it (<see cref="LedgerStore.TransferColumns"/>).</summary>
internal sealed class TransferRow
{
    public string Id { get; set; } = "";

    public string Phase { get; set; } = "";

    public string DebitAccountId { get; set; } = "";

    public string CreditAccountId { get; set; } = "";

    public long Amount { get; set; }

    public string Currency { get; set; } = "";

    public string Code { get; set; } = "";

    public string? PendingId { get; set; }

    public string? Reference { get; set; }

    public string ChainId { get; set; } = "";

    public long ChainIndex { get; set; }

    public string CreatedAt { get; set; } = "";

    public static TransferRow From(Transfer t) => new()
    {
        Id = t.Id.Value,
        Phase = t.Phase.ToString(),
        DebitAccountId = t.DebitAccount.Value,
        CreditAccountId = t.CreditAccount.Value,
        Amount = t.Amount,
        Currency = t.Currency.AlphaCode,
        Code = t.Code.ToString(),
        PendingId = t.PendingId?.Value,
        Reference = t.Reference,
        ChainId = t.ChainId.Value,
        ChainIndex = t.ChainIndex,
        CreatedAt = t.Timestamp.ToString("O", CultureInfo.InvariantCulture),
    };

    public Transfer ToTransfer() => new(
        new TransferId(Id),
        Enum.Parse<TransferPhase>(Phase),
        new AccountId(DebitAccountId),
        new AccountId(CreditAccountId),
        Amount,
        Purse.Spec.Currency.FromAlpha(Currency),
        Enum.Parse<TransferCode>(Code),
        PendingId is null ? null : new TransferId(PendingId),
        Reference,
        new TransferId(ChainId),
        checked((int)ChainIndex),
        DateTimeOffset.Parse(CreatedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
}
