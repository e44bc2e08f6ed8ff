namespace SmartCardCash.Settlement.Archive;

/// <summary>What judging one payment concluded (<see cref="LostPaymentBook.Judge"/>).</summary>
/// <param name="Classification">Where the payment stands; null when the bank holds neither side's record of it.</param>
/// <param name="ClosedAsArrived">This judgement closed an open payment as arrived (the payee's verified ack).</param>
/// <param name="PayeeCloned">The payee both acknowledged the payment and logged a 02 for it: it is on the hotlist.</param>
internal sealed record LostPaymentJudgement(ExceptionClassification? Classification, bool ClosedAsArrived, bool PayeeCloned);
