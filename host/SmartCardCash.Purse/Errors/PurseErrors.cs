using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Errors;

/// <summary>
/// Turns an error status word into the typed <see cref="PurseException"/> that spec section 5 gives it for that
/// command, with a plain message about <c>subject</c> (the purse's name, or "the purse").
/// </summary>
internal static class PurseErrors
{
    private const ushort BadSignatureOrLockCode = 0x6982;
    private const ushort WrongLength = 0x6700;
    private const ushort NotAllowed = 0x6985;
    private const ushort Malformed = 0x6A80;
    private const ushort NotFound = 0x6A88;

    public static PurseException Map(PurseCommand command, StatusWord sw, string subject)
    {
        string name = CommandName(command);
        if (sw.RetriesLeft is not null && IsLockCodeCommand(command))
        {
            return new WrongLockCodeException(command, sw);
        }
        return sw.Value switch
        {
            0x9401 => new InsufficientFundsException(command, sw, $"{subject} holds too little for this payment"),
            0x9402 => new BalanceLimitException(command, sw, command == PurseCommand.Mint
                ? $"minting this much would take {subject} above its maximum balance"
                : $"this payment would take {subject} above its maximum balance"),
            0x9403 => new TransactionLimitException(command, sw, $"the value is above {subject}'s transaction limit"),
            0x9404 => new CurrencyNotHeldException(command, sw, command switch
            {
                PurseCommand.StartFrom or PurseCommand.StartTo =>
                    $"the currency is not held by {subject} or by the counterparty",
                PurseCommand.PutData => $"{subject}'s certificate lists no pocket in that currency",
                _ => $"{subject} holds no pocket in that currency",
            }),
            0x9405 => new ClassesMayNotTransferException(command, sw, command == PurseCommand.Mint
                ? $"{subject} is not a bank purse: value is minted into bank purses only"
                : $"{subject}'s class and the counterparty's may not transfer value to each other (a merchant cannot pay a merchant)"),
            0x9406 => new CertificateExpiredException(command, sw, command == PurseCommand.VerifyCertificate
                ? $"the counterparty's certificate has expired (by {subject}'s trusted date, or by the clock of the terminal that serves {subject})"
                : $"{subject}'s certificate has expired; the purse must be replaced"),
            0x9407 => new SequenceExhaustedException(command, sw,
                $"{subject} has used all its sequence numbers and must be replaced"),
            0x9408 => new CounterpartyIsSelfException(command, sw, $"the counterparty's certificate is {subject}'s own: a purse cannot pay itself"),
            0x6983 => new LockCodeBlockedException(command, sw,
                $"{subject}'s lock code is blocked: no tries are left, only the issuer can reset it"),
            0x6A84 => new ExceptionLogFullException(command, sw,
                $"{subject}'s exception log is full: it starts no transfer until the issuer clears the log"),
            BadSignatureOrLockCode => MapSecurity(command, sw, subject, name),
            NotAllowed => new WrongStateException(command, sw, NotAllowedMessage(command, subject, name)),
            Malformed => new MalformedDataException(command, sw, MalformedMessage(command, subject, name)),
            NotFound => MapNotFound(command, sw, subject, name),
            0x6A82 when command == PurseCommand.Select => new PurseNotFoundException(command, sw,
                "there is no SmartCardCash purse on this card (SELECT answered 6A82): it is another kind of card, or the purse applet is not installed"),
            0x6A81 when command == PurseCommand.Select => new PurseTerminatedException(command, sw,
                $"{subject} is terminated: it holds nothing and answers nothing any more"),
            WrongLength => new PurseException(command, sw, $"{subject} refused the length of {name} (6700): the card may run another version of the purse"),
            0x6D00 or 0x6E00 => new PurseException(command, sw,
                $"{subject} does not know {name} ({sw}): the card may run another version of the purse, or the purse is not selected"),
            0x6581 => new PurseException(command, sw, $"{subject} reports a memory failure (6581) during {name}: the card may be failing"),
            _ => new PurseException(command, sw, $"{subject} answered {name} with {sw.ToDisplayString()}"),
        };
    }

    private static PurseException MapSecurity(PurseCommand command, StatusWord sw, string subject, string name) => command switch
    {
        // START FROM gives 6982 for the lock code; the caller refines it with the purse's flags.
        PurseCommand.StartFrom => new LockCodeRequiredException(command, sw,
            $"{subject} needs its lock code for this payment: it is locked, or a contactless payment is above its contactless limit"),
        PurseCommand.VerifyCertificate => new SignatureInvalidException(command, sw,
            // A payee listener answers 6982 too, for a payer it bars (hotlisted, or not from its trusted issuer).
            $"{subject} does not accept the counterparty's certificate: it is not signed by {subject}'s issuer, or the terminal that serves {subject} bars that purse"),
        PurseCommand.PutData => new SignatureInvalidException(command, sw,
            $"the purse certificate is not signed by the issuer whose certificate {subject} holds"),
        PurseCommand.Req or PurseCommand.Val or PurseCommand.Ack => new SignatureInvalidException(command, sw,
            $"{subject} refused the {name} message: its signature does not verify under the counterparty's key"),
        PurseCommand.Mint or PurseCommand.ClearExceptionLog or PurseCommand.Deactivate or PurseCommand.ActivateByIssuer
            or PurseCommand.Terminate or PurseCommand.ResetLockCode => new SignatureInvalidException(command, sw,
            $"{subject} refused the issuer's signature on {name}: it was not made by {subject}'s issuer"),
        _ => new PurseException(command, sw, $"{subject} refused {name}: security status not satisfied (6982)"),
    };

    private static PurseException MapNotFound(PurseCommand command, StatusWord sw, string subject, string name) => command switch
    {
        PurseCommand.StartFrom or PurseCommand.StartTo => new NoVerifiedPeerException(command, sw,
            $"{subject} has not verified the counterparty's certificate in this session; verify it before starting"),
        PurseCommand.GetData => new DataNotLoadedException(command, sw,
            $"{subject} does not hold that data yet: it is not personalised"),
        PurseCommand.Resume => new DataNotLoadedException(command, sw, $"{subject} has no pending message to resume"),
        _ => new PurseException(command, sw, $"{subject} found no data for {name} (6A88)"),
    };

    private static string NotAllowedMessage(PurseCommand command, string subject, string name) => command switch
    {
        PurseCommand.GenerateKeyPair or PurseCommand.PutData =>
            $"{subject} is not blank: personalisation commands are refused once a purse is issued (or the steps came out of order)",
        PurseCommand.Activate => $"{subject} refused to finish personalisation: a key pair, both certificates, every pocket's limits and a lock code are needed first",
        PurseCommand.Req or PurseCommand.Val or PurseCommand.Ack =>
            $"{subject} is not expecting this {name} message: it is in another transfer state, or the payment details differ from its own",
        PurseCommand.Terminate =>
            $"{subject} refused TERMINATE: it needs zero balances and an empty exception log, a lifecycle that allows it, and the issuer counter it holds",
        PurseCommand.ClearExceptionLog =>
            $"{subject} refused CLEAR EXCEPTION LOG: the log changed since it was read, the lifecycle does not allow it, or the issuer counter moved",
        PurseCommand.Mint or PurseCommand.Deactivate or PurseCommand.ActivateByIssuer or PurseCommand.ResetLockCode =>
            $"{subject} refused {name}: its lifecycle does not allow it, or the issuer counter is not the one it holds",
        _ => $"{subject} does not allow {name} in its present lifecycle or transfer state",
    };

    private static string MalformedMessage(PurseCommand command, string subject, string name) => command switch
    {
        PurseCommand.VerifyCertificate =>
            $"{subject} refused the counterparty's certificate: it is malformed, or from another issuer",
        PurseCommand.PutData => $"{subject} refused the personalisation data as malformed or out of range",
        PurseCommand.Mint => $"{subject} refused MINT: the amount must be more than zero",
        PurseCommand.VerifyLockCode or PurseCommand.ChangeLockCode or PurseCommand.Lock or PurseCommand.Unlock
            or PurseCommand.ResetLockCode => "a lock code is 4 to 8 digits",
        _ => $"{subject} found the data of {name} malformed (6A80)",
    };

    private static bool IsLockCodeCommand(PurseCommand command) => command is PurseCommand.VerifyLockCode
        or PurseCommand.ChangeLockCode or PurseCommand.Lock or PurseCommand.Unlock;

    internal static string CommandName(PurseCommand command) => command switch
    {
        PurseCommand.Select => "SELECT",
        PurseCommand.GetData => "GET DATA",
        PurseCommand.GenerateKeyPair => "GENERATE KEY PAIR",
        PurseCommand.PutData => "PUT DATA",
        PurseCommand.Activate => "ACTIVATE",
        PurseCommand.VerifyCertificate => "VERIFY CERTIFICATE",
        PurseCommand.StartFrom => "START FROM",
        PurseCommand.StartTo => "START TO",
        PurseCommand.Req => "REQ",
        PurseCommand.Val => "VAL",
        PurseCommand.Ack => "ACK",
        PurseCommand.Abort => "ABORT",
        PurseCommand.Resume => "RESUME",
        PurseCommand.ReadLog => "READ LOG",
        PurseCommand.VerifyLockCode => "VERIFY LOCK CODE",
        PurseCommand.ChangeLockCode => "CHANGE LOCK CODE",
        PurseCommand.Lock => "LOCK",
        PurseCommand.Unlock => "UNLOCK",
        PurseCommand.Mint => "MINT",
        PurseCommand.ClearExceptionLog => "CLEAR EXCEPTION LOG",
        PurseCommand.Deactivate => "DEACTIVATE",
        PurseCommand.ActivateByIssuer => "ACTIVATE",
        PurseCommand.Terminate => "TERMINATE",
        PurseCommand.ResetLockCode => "RESET LOCK CODE",
        _ => command.ToString(),
    };

    /// <summary>The instruction of an issuer-authorised command, as a <see cref="PurseCommand"/>.</summary>
    internal static PurseCommand CommandOf(MessageType type) => type switch
    {
        MessageType.Mint => PurseCommand.Mint,
        MessageType.ClearExceptionLog => PurseCommand.ClearExceptionLog,
        MessageType.Deactivate => PurseCommand.Deactivate,
        MessageType.Activate => PurseCommand.ActivateByIssuer,
        MessageType.Terminate => PurseCommand.Terminate,
        MessageType.ResetLockCode => PurseCommand.ResetLockCode,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "not an issuer-authorised command"),
    };
}
