using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>What the introduction of a payment established: both IDs, the payee's next sequence number, and any
/// unfinished earlier transfer a forced start will abort.</summary>
internal sealed record PaymentIntroduction(PurseId PayerId, PurseId PayeeId, uint PayeeSequence,
    PendingTransfer? PayerUnfinished, PendingTransfer? PayeeUnfinished)
{
    /// <summary>Whether <paramref name="pd"/>, as the payer fixed it, is exactly the payment asked for between these purses.</summary>
    public bool Describes(PaymentDetails pd, PaymentRequest request) =>
        pd.From == PayerId && pd.To == PayeeId && new Money(pd.Currency, pd.Value) == request.Amount &&
        pd.ToSeq == PayeeSequence && pd.OrderDigest.Span.SequenceEqual(request.OrderDigest.Span);
}
