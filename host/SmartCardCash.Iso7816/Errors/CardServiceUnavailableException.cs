namespace SmartCardCash.Iso7816.Errors;

/// <summary>The smart-card service (pcscd, the Windows Smart Card service) is not running or not installed.</summary>
public class CardServiceUnavailableException : SmartCardException
{
    public CardServiceUnavailableException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
