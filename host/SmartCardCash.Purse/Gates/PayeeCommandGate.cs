using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Gates;

/// <summary>
/// What a remote party may send to the payee's card: only what paying into it needs. Everything else is answered by
/// the listener itself and never reaches the card.
/// </summary>
/// <remarks>
/// <para>Allowed, exactly as listed (CLA, INS, P1, P2), and all but SELECT only after the session's SELECT:</para>
/// <list type="bullet">
/// <item>SELECT of the purse (<c>00 A4 04 00</c>, the purse AID exactly): its FCI tells the payee's ID, state and next sequence number.</item>
/// <item>GET RESPONSE (<c>00 C0 00 00</c>, or <c>80 C0</c>): the rest of an answer on a T=0 card.</item>
/// <item>GET DATA purse certificate (<c>80 CA 00 03</c>) and pending transfer (<c>80 CA 00 06</c>), for the payment and its recovery.</item>
/// <item>VERIFY CERTIFICATE (<c>80 2A 00 BE</c>): the payer's certificate.</item>
/// <item>START TO (<c>80 52 00 00</c>), VAL (<c>80 56 00 00</c>): the payee's two steps.</item>
/// <item>RESUME (<c>80 5C 00 00</c>): the payee's last message again (its req or ack), for recovery.</item>
/// </list>
/// <para>Refused with <b>6900</b> (command not allowed): START FROM, REQ, ACK (the payer's role: value would leave the
/// card), ABORT, READ LOG, GET DATA of status, balances, issuer certificate or limits, the lock-code commands, every
/// issuer and personalisation command, SELECT of anything else, any other class or instruction, and anything before
/// the SELECT. A command that is not a short APDU is refused with <b>6700</b>.</para>
/// <para>What passes this list is then checked against the payer and the card's state (the Mondex Telephone listener's <c>PayeeGuard</c>; the bank's deposit gate):
/// the payer's certificate (6982 hotlisted or untrusted, 9406 expired, 6A80 malformed), START TO only for the purse
/// screened in the session (6A88) and never while the card is itself paying (6985), RESUME only of a payee message
/// (6985 while the card is paying, 6A88 once its last transfer, as the payer, is over).</para>
/// </remarks>
public static class PayeeCommandGate
{
    /// <summary>6900: the listener does not let this command through.</summary>
    public static readonly StatusWord NotAllowed = StatusWord.CommandNotAllowed;

    /// <summary>Null when <paramref name="command"/> may go to the card; otherwise the status word to answer instead.</summary>
    /// <param name="selected">Whether this session's SELECT of the purse has gone through.</param>
    public static StatusWord? Check(ReadOnlySpan<byte> command, bool selected)
    {
        if (!CommandApdu.TryParse(command, out CommandApdu? apdu) || apdu is null || apdu.IsExtended)
        {
            return StatusWord.WrongLength;
        }
        bool allowed = SessionCommand(apdu, selected) ?? (apdu.Cla, apdu.Ins, apdu.P1, apdu.P2) switch
        {
            (PurseInstruction.ProprietaryClass, PurseInstruction.VerifyCertificate, 0x00, PurseInstruction.VerifyCertificateP2) => selected,
            (PurseInstruction.ProprietaryClass, PurseInstruction.StartTo, 0x00, 0x00) => selected,
            (PurseInstruction.ProprietaryClass, PurseInstruction.Val, 0x00, 0x00) => selected,
            _ => false,
        };
        return allowed ? null : NotAllowed;
    }

    /// <summary>
    /// The commands every party to a payment may send, payer or payee, and which move no value: SELECT of the purse,
    /// GET RESPONSE, GET DATA certificate and pending transfer, RESUME. Whether <paramref name="apdu"/>, one of them, is
    /// allowed (all but SELECT only after the session's SELECT, none with data but SELECT); null when it is none of them.
    /// </summary>
    public static bool? SessionCommand(CommandApdu apdu, bool selected)
    {
        ArgumentNullException.ThrowIfNull(apdu);
        return (apdu.Cla, apdu.Ins, apdu.P1, apdu.P2) switch
        {
            (PurseInstruction.InterindustryClass, PurseInstruction.Select, 0x04, 0x00) => PurseAid.Matches(apdu.Data.Span),
            (PurseInstruction.InterindustryClass or PurseInstruction.ProprietaryClass, PurseInstruction.GetResponse, 0x00, 0x00) =>
                selected && apdu.Nc == 0,
            (PurseInstruction.ProprietaryClass, PurseInstruction.GetData, 0x00,
                (byte)PurseDataObject.PurseCertificate or (byte)PurseDataObject.PendingTransfer) => selected && apdu.Nc == 0,
            (PurseInstruction.ProprietaryClass, PurseInstruction.Resume, 0x00, 0x00) => selected && apdu.Nc == 0,
            _ => null,
        };
    }

    /// <summary>A command's name for messages: "START FROM", "READ LOG", "INS 12".</summary>
    public static string Name(ReadOnlySpan<byte> command)
    {
        if (command.Length < 2)
        {
            return "a malformed command";
        }
        return command[1] switch
        {
            PurseInstruction.Select => "SELECT",
            PurseInstruction.GetResponse => "GET RESPONSE",
            PurseInstruction.GetData => command.Length >= 4 ? $"GET DATA {command[3]:X2}" : "GET DATA",
            PurseInstruction.VerifyCertificate => "VERIFY CERTIFICATE",
            PurseInstruction.StartFrom => "START FROM",
            PurseInstruction.StartTo => "START TO",
            PurseInstruction.Req => "REQ",
            PurseInstruction.Val => "VAL",
            PurseInstruction.Ack => "ACK",
            PurseInstruction.Abort => "ABORT",
            PurseInstruction.Resume => "RESUME",
            PurseInstruction.ReadLog => "READ LOG",
            PurseInstruction.VerifyLockCode => "VERIFY LOCK CODE",
            PurseInstruction.ChangeLockCode => "CHANGE LOCK CODE",
            PurseInstruction.Lock => "LOCK",
            PurseInstruction.Unlock => "UNLOCK",
            PurseInstruction.Mint => "MINT",
            PurseInstruction.ClearExceptionLog => "CLEAR EXCEPTION LOG",
            PurseInstruction.Deactivate => "DEACTIVATE",
            PurseInstruction.Activate => "ACTIVATE",
            PurseInstruction.Terminate => "TERMINATE",
            PurseInstruction.ResetLockCode => "RESET LOCK CODE",
            PurseInstruction.GenerateKeyPair => "GENERATE KEY PAIR",
            PurseInstruction.PutData => "PUT DATA",
            var other => $"INS {other:X2}",
        };
    }
}
