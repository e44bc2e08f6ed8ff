namespace SmartCardCash.Settlement.Clearing;

/// <summary>The result of one batch, record by record in the batch's order.</summary>
public sealed record ClearingResult(IReadOnlyList<ClearingRecordResult> Records)
{
    public int Count(ClearingStatus status) => Records.Count(r => r.Status == status);
}
