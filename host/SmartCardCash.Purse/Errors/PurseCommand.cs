namespace SmartCardCash.Purse.Errors;

/// <summary>
/// The purse command a status word answered. The same status word means different things for different commands
/// (6982 is a missing lock code for START FROM and a bad signature for REQ), so errors are mapped per command.
/// </summary>
public enum PurseCommand
{
    Select,
    GetData,
    GenerateKeyPair,
    PutData,
    /// <summary>ACTIVATE without data: ends personalisation (PERSONALISATION → ISSUED).</summary>
    Activate,
    VerifyCertificate,
    StartFrom,
    StartTo,
    Req,
    Val,
    Ack,
    Abort,
    Resume,
    ReadLog,
    VerifyLockCode,
    ChangeLockCode,
    Lock,
    Unlock,
    Mint,
    ClearExceptionLog,
    Deactivate,
    /// <summary>ACTIVATE with the issuer's authorisation: BLOCKED → ISSUED.</summary>
    ActivateByIssuer,
    Terminate,
    ResetLockCode,
}
