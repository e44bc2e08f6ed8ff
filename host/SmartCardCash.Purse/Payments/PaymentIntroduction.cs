using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>What the introduction of a payment established: both IDs, the payee's next sequence number, and any
/// unfinished earlier transfer a forced start will abort.</summary>
internal sealed record PaymentIntroduction(PurseId PayerId, PurseId PayeeId, uint PayeeSequence,
    PendingTransfer? PayerUnfinished, PendingTransfer? PayeeUnfinished);
