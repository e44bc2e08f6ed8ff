namespace SmartCardCash.Purse.Payments;

/// <summary>Ends the introduction of a payment with a refusal; caught by <see cref="PaymentDriver"/>, never seen outside.</summary>
internal sealed class PaymentRefusedException(PaymentRefusal refusal) : Exception(refusal.Message)
{
    public PaymentRefusal Refusal { get; } = refusal;
}
