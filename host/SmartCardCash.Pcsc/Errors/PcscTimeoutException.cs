namespace SmartCardCash.Pcsc.Errors;

/// <summary>SCARD_E_TIMEOUT: a wait with a caller-given timeout ran out.</summary>
public class PcscTimeoutException : PcscException
{
    public PcscTimeoutException(PcscError errorCode, string message, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
    }
}
