namespace SmartCardCash.Pcsc.Errors;

/// <summary>
/// SCARD_E_CANCELLED and its kin: a blocking call was cancelled (by <see cref="PcscContext.Cancel"/>, the system or
/// the user). It is an <see cref="OperationCanceledException"/> so ordinary cancellation handling catches it.
/// </summary>
public class PcscCancelledException : OperationCanceledException
{
    public PcscCancelledException(PcscError errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        NativeErrorCode = (uint)errorCode;
    }

    public PcscError ErrorCode { get; }

    /// <summary>The platform's code, as on every <see cref="SmartCardCash.Iso7816.Errors.SmartCardException"/>.</summary>
    public long? NativeErrorCode { get; }
}
