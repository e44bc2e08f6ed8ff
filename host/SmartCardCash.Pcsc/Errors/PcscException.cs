using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Pcsc.Errors;

/// <summary>
/// A PC/SC call failed with a code that has no more specific exception type. The message ends with the symbolic
/// name, e.g. "[SCARD_E_PROTO_MISMATCH]"; <see cref="SmartCardException.NativeErrorCode"/> holds the 32-bit code.
/// </summary>
public class PcscException : SmartCardException
{
    public PcscException(PcscError errorCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        ErrorCode = errorCode;
        NativeErrorCode = (uint)errorCode;
    }

    public PcscError ErrorCode { get; }

    /// <summary>The code's name as in pcsclite.h / winscard.h, e.g. "SCARD_E_NO_SERVICE".</summary>
    public string SymbolicName => PcscErrors.GetName(ErrorCode);
}
