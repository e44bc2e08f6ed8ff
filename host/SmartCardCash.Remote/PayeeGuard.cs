using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Gates;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Remote;

/// <summary>
/// The listener's own checks of one connection, beyond <see cref="PayeeCommandGate"/>'s list, made before the card sees
/// the command so that a refusal changes nothing on it:
/// <list type="bullet">
/// <item>VERIFY CERTIFICATE: the payer's certificate as the listener's terminal checks it (trusted issuer, expiry by
/// the listener's clock, hotlist) — the payer's own program is not to be trusted with that.</item>
/// <item>START TO: only for the purse whose certificate this session screened and the card accepted, never while
/// the card is itself paying (epr, epa): the start would abort that transfer; and not while the card waits for another
/// payer's val (epv), until <see cref="PayeeListenerOptions.UnfinishedPaymentHold"/> has passed: that payer is debited
/// and may be reconnecting to finish with RESUME, and another party's start would push the payment into the logs.</item>
/// <item>RESUME: only while the card's last transfer is one it received: a payer's pending message (its val) is not
/// for a remote party (6985 while the card is paying; 6A88, nothing to resume, once that transfer is over).</item>
/// </list>
/// </summary>
internal sealed class PayeeGuard(PayeeListener listener)
{
    private readonly PayeeListenerOptions _options = listener.Options;
    private PurseCertificate? _screened; // the payer's certificate that passed the screen, until the card answers
    private PurseId? _verifiedPayer;     // ... and which the card then accepted in this session
    private string? _hotlistProblem;     // why the hotlist could not be read, for the refusal

    /// <summary>The certificate of this session's payer, as screened and accepted by the card; null before that.</summary>
    public PurseCertificate? VerifiedPayerCertificate { get; private set; }

    /// <summary>Null when <paramref name="command"/> may go on to the card; otherwise the refusal to answer.</summary>
    /// <exception cref="SmartCardException">The card failed while its transfer state was read.</exception>
    public GateRefusal? Check(byte[] command)
    {
        _screened = null;
        return command[1] switch
        {
            PurseInstruction.VerifyCertificate => ScreenCertificate(CommandApdu.Parse(command)),
            PurseInstruction.StartTo => CheckStartTo(CommandApdu.Parse(command)),
            PurseInstruction.Resume => CheckResume(),
            _ => null,
        };
    }

    /// <summary>The card answered a command that went through: a screened certificate it accepted becomes this session's payer.</summary>
    public void Answered(byte instruction, StatusWord status)
    {
        if (instruction == PurseInstruction.VerifyCertificate && status.IsSuccess && _screened is { } payer)
        {
            _verifiedPayer = payer.Body.Holder;
            VerifiedPayerCertificate = payer;
        }
        _screened = null;
    }

    private GateRefusal? ScreenCertificate(CommandApdu apdu)
    {
        PurseCertificate certificate;
        try
        {
            certificate = PurseCertificate.Parse(apdu.Data.Span);
        }
        catch (PurseFormatException e)
        {
            return new GateRefusal(StatusWord.IncorrectData, $"the payer's certificate is malformed ({e.Message.TrimEnd('.')})", IsPayment: true);
        }
        PurseId payer = certificate.Body.Holder;
        if (ReadHotlist() is not { } hotlist)
        {
            return HotlistUnreadable();
        }
        CertificateProblem? problem =
            TerminalChecks.CheckCertificate($"purse {payer}", certificate, _options.TrustedIssuer, TerminalChecks.Today(_options.Time))
            ?? TerminalChecks.CheckHotlist(null, payer, hotlist);
        if (problem is not null)
        {
            // 9406 is the card's own answer to an expired certificate; 6982 (the certificate does not verify) for the rest.
            StatusWord refusal = problem.Reason == RefusalReason.CertificateExpired
                ? PurseStatusWords.CertificateExpired
                : StatusWord.SecurityStatusNotSatisfied;
            return new GateRefusal(refusal, problem.Message, IsPayment: true);
        }
        _screened = certificate;
        return null;
    }

    private GateRefusal? CheckStartTo(CommandApdu apdu)
    {
        PurseId? payer = PayerOf(apdu);
        if (ReadHotlist() is not { } hotlist)
        {
            return HotlistUnreadable();
        }
        if (payer is { } id && TerminalChecks.CheckHotlist(null, id, hotlist) is { } barred)
        {
            return new GateRefusal(StatusWord.SecurityStatusNotSatisfied, barred.Message, IsPayment: true);
        }
        if (payer is null || payer != _verifiedPayer)
        {
            return new GateRefusal(StatusWord.ReferencedDataNotFound,
                $"no certificate of {(payer is null ? "the payer" : $"purse {payer}")} was verified in this session", IsPayment: true);
        }
        PendingTransfer pending = listener.ReadTransfer();
        if (pending.State is TransferState.ExpectingReq or TransferState.ExpectingAck)
        {
            return new GateRefusal(StatusWord.ConditionsOfUseNotSatisfied,
                $"{_options.CardName} is itself in the middle of paying ({Describe(pending)}): it receives nothing until that is recovered",
                IsPayment: true);
        }
        if (pending is { State: TransferState.ExpectingVal, Details: { } waiting } && waiting.From != payer &&
            listener.WaitingForValFor(waiting) < _options.UnfinishedPaymentHold)
        {
            return new GateRefusal(StatusWord.ConditionsOfUseNotSatisfied,
                $"{_options.CardName} is waiting for the val of an unfinished payment ({Describe(pending)}): " +
                "its payer may still finish it, so no other payer can start yet",
                IsPayment: true);
        }
        return null;
    }

    private GateRefusal? CheckResume()
    {
        PendingTransfer pending = listener.ReadTransfer();
        // epr and epa are the payer's states (spec 4.4, invariant 2): the card is busy paying, not to be resumed remotely.
        if (pending.State is TransferState.ExpectingReq or TransferState.ExpectingAck)
        {
            return new GateRefusal(StatusWord.ConditionsOfUseNotSatisfied,
                $"{_options.CardName} is itself in the middle of paying ({Describe(pending)}): its val is not for a remote party",
                IsPayment: false);
        }
        // An idle card that last paid still holds its own val: for a remote party there is nothing to resume, which is
        // what 6A88 (pending log empty) tells it, so a payer recovering an earlier payment into the card reads it right.
        if (pending.Details is { } details && details.From == listener.PurseId)
        {
            return new GateRefusal(StatusWord.ReferencedDataNotFound,
                $"{_options.CardName}'s last transfer was as the payer ({Describe(pending)}): it holds no payee message to resume",
                IsPayment: false);
        }
        return null;
    }

    /// <summary>The hotlist now, or null (with <see cref="_hotlistProblem"/> set) when it cannot be read.</summary>
    private Hotlist? ReadHotlist()
    {
        try
        {
            return _options.CurrentHotlist?.Invoke() ?? _options.Hotlist;
        }
        catch (LocalDataException e)
        {
            _hotlistProblem = e.Message.TrimEnd('.');
            return null;
        }
    }

    private GateRefusal HotlistUnreadable() =>
        new(StatusWord.SecurityStatusNotSatisfied, $"{_hotlistProblem}: no payer is accepted until it can be read", IsPayment: true);

    private static string Describe(PendingTransfer pending) =>
        PurseReport.StateName(pending.State) + (pending.Details is { } details ? $", {new PaymentSummary(details)}" : "");

    /// <summary>START TO's tag 80, the payer's purse ID; null when the data are malformed (the card refuses them, changing nothing).</summary>
    private static PurseId? PayerOf(CommandApdu apdu)
    {
        try
        {
            var reader = new StrictTlvReader(apdu.Data.Span);
            return PurseId.Read(reader.Read(PurseTag.PurseId, PurseId.Length));
        }
        catch (SmartCardException)
        {
            return null;
        }
    }
}
