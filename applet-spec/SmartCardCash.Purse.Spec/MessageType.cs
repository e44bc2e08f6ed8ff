namespace SmartCardCash.Purse.Spec;

/// <summary>The message type byte that follows the domain prefix in every signed message (spec 2.1, 3.2).</summary>
public enum MessageType : byte
{
    Req = 0x01,
    Val = 0x02,
    Ack = 0x03,
    ExceptionLogRecord = 0x10,
    Mint = 0x20,
    ClearExceptionLog = 0x21,
    Deactivate = 0x22,
    Activate = 0x23,
    Terminate = 0x24,
    ResetLockCode = 0x25,
    CertificateBody = 0x30,

    /// <summary>The issuer's signed hotlist (spec 3.2, 9): signed and checked by hosts only, never by a card.</summary>
    Hotlist = 0x40,
}
