namespace SmartCardCash.Iso7816.Errors;

/// <summary>The reader is there but holds no card (or the card does not answer reset).</summary>
public class NoCardException : SmartCardException
{
    public NoCardException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
