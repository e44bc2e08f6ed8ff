namespace SmartCardCash.Pcsc.Errors;

/// <summary>
/// SCARD_E_SHARING_VIOLATION: another program holds the card exclusively (or this connect asked for exclusive use
/// while others are connected). Retrying later may work.
/// </summary>
public class PcscSharingViolationException : PcscException
{
    public PcscSharingViolationException(PcscError errorCode, string message, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
    }
}
