using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>Every CLA 80 command with its lifecycle states (spec 1.3), P1 P2 and data rule (spec 5).</summary>
internal static class CommandTable
{
    private static readonly Func<byte, byte, bool> Zero = (p1, p2) => p1 == 0 && p2 == 0;

    private static readonly Dictionary<byte, CommandDefinition> Commands = new CommandDefinition[]
    {
        new("GET DATA", PurseInstruction.GetData, Lifecycles.AnyButTerminated,
            (p1, p2) => p1 == 0 && p2 is >= (byte)PurseDataObject.Status and <= (byte)PurseDataObject.PendingTransfer, DataRule.None),
        new("GENERATE KEY PAIR", PurseInstruction.GenerateKeyPair, Lifecycles.Personalisation, Zero, DataRule.None),
        new("PUT DATA", PurseInstruction.PutData, Lifecycles.Personalisation,
            (p1, p2) => p1 == 0 && p2 is >= (byte)PersonalisationObject.IssuerCertificate and <= (byte)PersonalisationObject.LockCode,
            DataRule.Required),
        new("ACTIVATE", PurseInstruction.Activate, Lifecycles.Personalisation | Lifecycles.Blocked, Zero,
            DataRule.NoneWhilePersonalising),
        new("VERIFY CERTIFICATE", PurseInstruction.VerifyCertificate, Lifecycles.Issued,
            (p1, p2) => p1 == 0 && p2 == PurseInstruction.VerifyCertificateP2, DataRule.Required),
        new("START FROM", PurseInstruction.StartFrom, Lifecycles.Issued, Zero, DataRule.Required),
        new("START TO", PurseInstruction.StartTo, Lifecycles.Issued, Zero, DataRule.Required),
        new("REQ", PurseInstruction.Req, Lifecycles.Issued, Zero, DataRule.Required),
        new("VAL", PurseInstruction.Val, Lifecycles.Issued, Zero, DataRule.Required),
        new("ACK", PurseInstruction.Ack, Lifecycles.Issued, Zero, DataRule.Required),
        new("ABORT", PurseInstruction.Abort, Lifecycles.IssuedOrBlocked, Zero, DataRule.None),
        new("RESUME", PurseInstruction.Resume, Lifecycles.IssuedOrBlocked, Zero, DataRule.None),
        new("READ LOG", PurseInstruction.ReadLog, Lifecycles.IssuedOrBlocked,
            (_, p2) => p2 is (byte)PurseLogKind.Transactions or (byte)PurseLogKind.Exceptions, DataRule.None),
        new("VERIFY LOCK CODE", PurseInstruction.VerifyLockCode, Lifecycles.IssuedOrBlocked, Zero, DataRule.Optional),
        new("CHANGE LOCK CODE", PurseInstruction.ChangeLockCode, Lifecycles.IssuedOrBlocked, Zero, DataRule.Required),
        new("LOCK", PurseInstruction.Lock, Lifecycles.Issued, Zero, DataRule.Required),
        new("UNLOCK", PurseInstruction.Unlock, Lifecycles.Issued, Zero, DataRule.Required),
        new("MINT", PurseInstruction.Mint, Lifecycles.Issued, Zero, DataRule.Required),
        new("CLEAR EXCEPTION LOG", PurseInstruction.ClearExceptionLog, Lifecycles.IssuedOrBlocked, Zero, DataRule.Required),
        new("DEACTIVATE", PurseInstruction.Deactivate, Lifecycles.Issued, Zero, DataRule.Required),
        new("TERMINATE", PurseInstruction.Terminate, Lifecycles.IssuedOrBlocked, Zero, DataRule.Required),
        new("RESET LOCK CODE", PurseInstruction.ResetLockCode, Lifecycles.Issued, Zero, DataRule.Required),
    }.ToDictionary(c => c.Instruction);

    public static CommandDefinition? Find(byte instruction) => Commands.GetValueOrDefault(instruction);
}
