using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Purse;

/// <summary>
/// An exception-log record came back with a signature that does not verify under the purse's certified key: the record
/// cannot be trusted, and neither can the card or the channel that produced it.
/// </summary>
public sealed class ExceptionLogSignatureException : SmartCardException
{
    public ExceptionLogSignatureException(string message, int index) : base(message)
    {
        Index = index;
    }

    /// <summary>The record's index in the log (0 = oldest).</summary>
    public int Index { get; }
}
