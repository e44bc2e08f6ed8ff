namespace SmartCardCash.Iso7816.Errors;

/// <summary>The exchange with the card failed in transit (reader error, protocol error, broken link, timeout).</summary>
public class CardCommunicationException : SmartCardException
{
    public CardCommunicationException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
