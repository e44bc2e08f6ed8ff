namespace SmartCardCash.Purse.Payments;

/// <summary>
/// What a payment run holds to be true contradicts itself: a defect in the payment driver, never something the cards
/// did. Thrown by the always-on checks of the run's knowledge and of every outcome, so that the defect fails loudly
/// instead of reporting value where it is not.
/// </summary>
public sealed class PaymentInvariantException : Exception
{
    public PaymentInvariantException()
    {
    }

    public PaymentInvariantException(string message) : base(message)
    {
    }

    public PaymentInvariantException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
