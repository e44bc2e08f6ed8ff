using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>What clearing did with the record at <see cref="Index"/> of the batch, in one sentence.</summary>
/// <param name="Payment">The payment details, when the record could be read.</param>
/// <param name="Refusal">Why it was refused; null unless <see cref="Status"/> is <see cref="ClearingStatus.Refused"/>.</param>
public sealed record ClearingRecordResult(int Index, PaymentDetails? Payment, ClearingStatus Status, ClearingRefusal? Refusal, string Message);
