namespace SmartCardCash.Iso7816.Errors;

/// <summary>The card left the reader (or lost power) before the exchange finished.</summary>
public class CardRemovedException : SmartCardException
{
    public CardRemovedException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
