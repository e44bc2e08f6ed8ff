namespace SmartCardCash.Pcsc.Errors;

/// <summary>
/// SCARD_W_RESET_CARD: another program reset the card since this connection last used it, so any state on the card
/// (selected application, authentication) is lost. Call <see cref="PcscCard.Reconnect"/> with
/// <see cref="PcscDisposition.Leave"/> and start the session over.
/// </summary>
public class PcscCardResetException : PcscException
{
    public PcscCardResetException(PcscError errorCode, string message, Exception? innerException = null)
        : base(errorCode, message, innerException)
    {
    }
}
