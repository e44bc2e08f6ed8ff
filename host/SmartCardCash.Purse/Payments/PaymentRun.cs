using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// One payment, recovery or abandonment between two purses: the coordinator's state machine, in one place.
/// </summary>
/// <remarks>
/// <para>A payment runs the protocol of spec 4.2 with the fewest APDUs it allows:</para>
/// <code>
///  introduce  SELECT payer, SELECT payee          (FCI: IDs, lifecycles, transfer states, payee's nextSeq)
///             GET DATA certificate ×2              host checks: trusted issuer, expiry, hotlist, classes, currency, idle
///             VERIFY CERTIFICATE ×2 [VERIFY LOCK CODE]
///  start      START FROM (payer: epr)  → PD        refused: not started (nothing debited)
///             START TO   (payee: epv)  → req       refused: abort payer (epr, nothing logged), not started
///  transfer   REQ (payer: debited, epa) → val      refused: abort both, not started
///             VAL (payee: credited)     → ack
///             ACK (payer: idle)                    completed
/// </code>
/// <para>Any command whose answer is lost (card removed, reader gone, connection dropped, timeout) or that a purse
/// refuses after START TO sends the run to <see cref="Settle"/>: it asks both cards what they hold (SELECT, GET DATA
/// pending transfer, RESUME), takes the next step from spec 4.7's table (<see cref="RecoveryTable"/>), acts, and asks
/// again, a bounded number of rounds. What the outcome reports is learnt from the cards' answers (<see cref="Learn"/>),
/// never assumed. <see cref="Recover"/> is the same loop, started from the cards' own states.</para>
/// </remarks>
internal sealed class PaymentRun
{
    private readonly PaymentParticipant _payer;
    private readonly PaymentParticipant _payee;
    private readonly ILogger _log;
    private readonly int _reachAttempts;
    private readonly int _recoveryRounds;
    private readonly List<string> _sideEffects = [];
    private readonly List<string> _recovery = [];

    // What is known about the payment, updated by every answer and every observation.
    private PaymentDetails? _pd;
    private Certainty _debited = Certainty.No;
    private Certainty _credited = Certainty.No;
    private bool? _payerHolds;           // the payer is in epa for the PD: the value is in its pending log (null: unknown)
    private bool _acknowledged;          // the payer took the ack (its transaction log says "sent")
    private bool _valRefused;            // the payee refused the val (an answer, not a loss)
    private string? _cause;              // the first thing that went wrong, as a sentence
    private PaymentParty _causeParty = PaymentParty.Terminal;
    private bool _causeWasRefusal;
    private bool _recovering;            // started by Recover: the cards' states, not this run, began the payment
    private PurseView? _lastPayee;       // the payee as last observed by recovery
    private bool _payerAbortedHere;      // this run aborted the payer in epa (rather than finding it aborted)

    public PaymentRun(PaymentParticipant payer, PaymentParticipant payee, ILogger logger, int reachAttempts, int recoveryRounds)
    {
        _payer = payer;
        _payee = payee;
        _log = logger;
        _reachAttempts = Math.Max(1, reachAttempts);
        _recoveryRounds = Math.Max(1, recoveryRounds);
    }

    private string ValueText => _pd is null ? "the amount" : new Money(_pd.Currency, _pd.Value).ToString();

    // ---- Payment ---------------------------------------------------------------------------------------------

    public PaymentOutcome Pay(PaymentRequest request, PaymentPolicy policy)
    {
        PaymentIntroduction intro;
        try
        {
            intro = Introduce(request, policy);
        }
        catch (PaymentRefusedException e)
        {
            return NotStarted(e.Refusal);
        }

        // START FROM: the payer fixes the payment details. Abort first (spec 4.3): a forced start logs its old transfer.
        PaymentDetails pd;
        try
        {
            Sending(_payer, "START FROM");
            pd = _payer.Card.StartFrom(intro.PayeeId, request.Currency, request.Amount, intro.PayeeSequence, request.OrderDigest.Span);
            _payer.State = TransferState.ExpectingReq;
        }
        catch (PurseException e)
        {
            Refused(_payer, "START FROM", e);
            NoteForcedAbort(_payer, intro.PayerUnfinished, certain: true);
            return NotStarted(new PaymentRefusal(PaymentParty.Payer, RefusalReason.RefusedByCard, OneLine(e.Message),
                e.StatusWord.ToString()));
        }
        catch (SmartCardException e)
        {
            Lost(_payer, "START FROM", e);
            NoteForcedAbort(_payer, intro.PayerUnfinished, certain: false);
            return AfterLostStartFrom();
        }
        NoteForcedAbort(_payer, intro.PayerUnfinished, certain: true);
        _pd = pd;
        if (pd.From != intro.PayerId || pd.To != intro.PayeeId || pd.Currency != request.Currency || pd.Value != request.Amount ||
            pd.ToSeq != intro.PayeeSequence || !pd.OrderDigest.Span.SequenceEqual(request.OrderDigest.Span))
        {
            AbortForCleanup(_payer);
            return NotStarted(new PaymentRefusal(PaymentParty.Payer, RefusalReason.MessageTampered,
                $"{_payer.Name} answered START FROM with payment details that are not this payment's ({new PaymentSummary(pd)})"));
        }

        // START TO: the payee agrees to the same payment details and signs its req.
        ProtectedMessage req;
        try
        {
            Sending(_payee, "START TO");
            req = _payee.Card.StartTo(intro.PayerId, pd.Currency, pd.Value, pd.FromSeq, pd.OrderDigest.Span);
            _payee.State = TransferState.ExpectingVal;
        }
        catch (PurseException e)
        {
            Refused(_payee, "START TO", e);
            NoteForcedAbort(_payee, intro.PayeeUnfinished, certain: true);
            AbortForCleanup(_payer);
            return NotStarted(new PaymentRefusal(PaymentParty.Payee, RefusalReason.RefusedByCard, OneLine(e.Message),
                e.StatusWord.ToString()));
        }
        catch (SmartCardException e)
        {
            Lost(_payee, "START TO", e);
            NoteForcedAbort(_payee, intro.PayeeUnfinished, certain: false);
            return Settle();
        }
        NoteForcedAbort(_payee, intro.PayeeUnfinished, certain: true);
        if (!req.Details.Equals(pd))
        {
            AbortForCleanup(_payer);
            AbortForCleanup(_payee);
            return NotStarted(new PaymentRefusal(PaymentParty.Payee, RefusalReason.MessageTampered,
                $"{_payee.Name} answered START TO with a req for other payment details ({new PaymentSummary(req.Details)}); nothing was debited"));
        }

        // REQ: the payer checks the payee's signature and is debited. A refused REQ changes nothing (spec 4.3).
        ProtectedMessage val;
        try
        {
            Sending(_payer, "REQ");
            val = _payer.Card.Req(req);
            Debit();
        }
        catch (PurseException e)
        {
            Refused(_payer, "REQ", e);
            AbortForCleanup(_payer);
            AbortForCleanup(_payee);
            return NotStarted(new PaymentRefusal(PaymentParty.Payer, RefusalReason.RefusedByCard, OneLine(e.Message),
                e.StatusWord.ToString()));
        }
        catch (SmartCardException e)
        {
            Lost(_payer, "REQ", e);
            _debited = Certainty.Maybe;
            _payerHolds = null;
            return Settle();
        }

        // VAL: the payee checks the payer's signature and is credited.
        ProtectedMessage ack;
        try
        {
            Sending(_payee, "VAL");
            ack = _payee.Card.Val(val);
            Credit();
        }
        catch (PurseException e)
        {
            Refused(_payee, "VAL", e);
            _valRefused = true;
            return Settle();
        }
        catch (SmartCardException e)
        {
            Lost(_payee, "VAL", e);
            _credited = Certainty.Maybe;
            return Settle();
        }

        // ACK: the payer logs the payment as sent and is idle again.
        try
        {
            Sending(_payer, "ACK");
            _payer.Card.Ack(ack);
            Acknowledge();
        }
        catch (PurseException e)
        {
            Refused(_payer, "ACK", e);
            return Settle();
        }
        catch (SmartCardException e)
        {
            Lost(_payer, "ACK", e);
            _payerHolds = null;
            return Settle();
        }
        return Conclude();
    }

    /// <summary>
    /// Nothing can have been debited before START FROM answered, but the payer may have started (epr): abort it if it
    /// did, which logs nothing.
    /// </summary>
    private PaymentOutcome AfterLostStartFrom()
    {
        PurseView payer = Observe(_payer);
        if (payer.Reachable && payer.State == TransferState.ExpectingReq)
        {
            AbortForCleanup(_payer);
        }
        else if (!payer.Reachable)
        {
            _sideEffects.Add($"{_payer.Name} may be left expecting a req (epr) for a payment that holds no value; " +
                "its next payment, or recovery, clears it without logging anything.");
        }
        return Conclude();
    }

    /// <summary>The host's checks and the certificate exchange. Nothing on either purse changes here (VERIFY
    /// CERTIFICATE only moves a purse's trusted date forward).</summary>
    private PaymentIntroduction Introduce(PaymentRequest request, PaymentPolicy policy)
    {
        BcdDate today = policy.Today;
        CertificateBody anchor = policy.TrustedIssuer.Body;
        if (anchor.Expiry < today)
        {
            throw Refuse(PaymentParty.Terminal, RefusalReason.UntrustedCertificate,
                $"the trusted issuer certificate (issuer {anchor.Issuer}) expired on {anchor.Expiry}: this terminal accepts no purse until it has a current one");
        }

        // SELECT: the FCI gives each purse's ID, lifecycle, transfer state and next sequence number.
        PurseFci payerFci = Ask(_payer, "SELECT", _payer.Card.Select);
        PurseFci payeeFci = Ask(_payee, "SELECT", _payee.Card.Select);
        _payer.State = payerFci.TransferState;
        _payee.State = payeeFci.TransferState;
        PurseId payerId = payerFci.PurseId ?? throw NotPersonalised(_payer);
        PurseId payeeId = payeeFci.PurseId ?? throw NotPersonalised(_payee);
        _payer.Id = payerId;
        _payee.Id = payeeId;
        if (payerId == payeeId)
        {
            throw Refuse(PaymentParty.Terminal, RefusalReason.SamePurse,
                $"{_payer.Name} and {_payee.Name} are the same purse ({payerId}): a purse cannot pay itself");
        }

        PurseCertificate payerCertificate = Ask(_payer, "GET DATA (certificate)", _payer.Card.GetCertificate);
        PurseCertificate payeeCertificate = Ask(_payee, "GET DATA (certificate)", _payee.Card.GetCertificate);
        CheckCertificate(policy, today, _payer, payerCertificate, payerId);
        CheckCertificate(policy, today, _payee, payeeCertificate, payeeId);
        foreach (PaymentParticipant party in new[] { _payer, _payee })
        {
            if (TerminalChecks.CheckHotlist(party.Name, party.Id!.Value, policy.Hotlist) is { } barred)
            {
                throw Refuse(PaymentParty.Terminal, barred.Reason, barred.Message);
            }
        }
        CheckLifecycle(_payer, payerFci.Lifecycle);
        CheckLifecycle(_payee, payeeFci.Lifecycle);
        PurseClass payerClass = payerCertificate.Body.Class;
        PurseClass payeeClass = payeeCertificate.Body.Class;
        if (!PurseClassRules.MayPay(payerClass, payeeClass))
        {
            throw Refuse(PaymentParty.Terminal, RefusalReason.ClassesMayNotTransfer,
                $"a {PurseCard.ClassName(payerClass)} purse ({_payer.Name}) may not pay a {PurseCard.ClassName(payeeClass)} purse ({_payee.Name})");
        }
        foreach ((PaymentParticipant party, PurseCertificate certificate) in new[] { (_payer, payerCertificate), (_payee, payeeCertificate) })
        {
            if (!certificate.Body.Currencies.Contains(request.Currency))
            {
                throw Refuse(PaymentParty.Terminal, RefusalReason.CurrencyNotHeld,
                    $"{party.Name} holds no {request.Currency} pocket (its currencies are {string.Join(", ", certificate.Body.Currencies)})");
            }
        }
        PendingTransfer? payerUnfinished = Unfinished(_payer, payerFci.TransferState, request.Force);
        PendingTransfer? payeeUnfinished = Unfinished(_payee, payeeFci.TransferState, request.Force);

        Ask(_payer, "VERIFY CERTIFICATE", () => _payer.Card.VerifyCertificate(payeeCertificate), RefusalReason.CertificateRefusedByCard);
        Ask(_payee, "VERIFY CERTIFICATE", () => _payee.Card.VerifyCertificate(payerCertificate), RefusalReason.CertificateRefusedByCard);
        if (request.LockCode is { } code)
        {
            Ask(_payer, "VERIFY LOCK CODE", () => _payer.Card.VerifyLockCode(code));
        }
        return new PaymentIntroduction(payerId, payeeId, payeeFci.NextSequenceNumber, payerUnfinished, payeeUnfinished);
    }

    private static void CheckCertificate(PaymentPolicy policy, BcdDate today, PaymentParticipant party, PurseCertificate certificate,
        PurseId cardId)
    {
        if (TerminalChecks.CheckCertificate(party.Name, certificate, policy.TrustedIssuer, today, cardId) is { } problem)
        {
            throw Refuse(PaymentParty.Terminal, problem.Reason, problem.Message);
        }
    }

    private static void CheckLifecycle(PaymentParticipant party, PurseLifecycle lifecycle)
    {
        if (lifecycle != PurseLifecycle.Issued)
        {
            string what = lifecycle switch
            {
                PurseLifecycle.Blocked => "is blocked by the issuer",
                PurseLifecycle.Personalisation => "is not personalised yet",
                _ => "is not in service",
            };
            throw Refuse(PaymentParty.Terminal, RefusalReason.PurseNotIssued,
                $"{party.Name} {what}: it can neither pay nor receive");
        }
    }

    /// <summary>
    /// An unfinished earlier transfer: a START would abort it, logging it when value was in flight. Refused unless the
    /// request forces it, so that an interrupted payment is recovered (finished) rather than logged by accident.
    /// </summary>
    private PendingTransfer? Unfinished(PaymentParticipant party, TransferState state, bool force)
    {
        if (state == TransferState.Idle)
        {
            return null;
        }
        PendingTransfer pending = Ask(party, "GET DATA (pending transfer)", party.Card.GetPendingTransfer);
        if (force)
        {
            return pending;
        }
        string what = pending.Details is { } old ? $" ({new PaymentSummary(old)})" : "";
        string value = state == TransferState.ExpectingReq ? ", which holds no value" : "";
        throw Refuse(party.Role, RefusalReason.PurseNotIdle,
            $"{party.Name} has an unfinished transfer from an earlier payment, {PurseReport.StateName(state)}{what}{value}: " +
            $"recover it first, or force this payment, which aborts it into {party.Name}'s exception log",
            null, pending.Details is { } details ? new PaymentSummary(details) : null);
    }

    private void NoteForcedAbort(PaymentParticipant party, PendingTransfer? unfinished, bool certain)
    {
        if (unfinished is null)
        {
            return;
        }
        string what = unfinished.State switch
        {
            TransferState.ExpectingAck => "its value is now in the exception log (reason 01) for the bank to settle",
            TransferState.ExpectingVal => "it is now in the exception log (reason 02)",
            _ => "nothing was logged: nothing had been debited",
        };
        string old = $"{PurseReport.StateName(unfinished.State)}" +
            (unfinished.Details is { } details ? $", {new PaymentSummary(details)}" : "");
        _sideEffects.Add(certain
            ? $"{party.Name}'s unfinished earlier transfer ({old}) was aborted first, as forced: {what}."
            : $"{party.Name}'s unfinished earlier transfer ({old}) may have been aborted (the start got no answer); if so, {what}.");
    }

    // ---- Recovery ----------------------------------------------------------------------------------------------

    /// <summary>Finishes or settles whatever unfinished transfer the two purses hold with each other (spec 4.7).</summary>
    public PaymentOutcome Recover()
    {
        // Nothing is known until the cards say it.
        _debited = Certainty.Maybe;
        _credited = Certainty.Maybe;
        _payerHolds = null;
        PurseView payer = Observe(_payer);
        PurseView payee = Observe(_payee);
        _payer.Id = payer.Id ?? _payer.Id;
        _payee.Id = payee.Id ?? _payee.Id;

        PaymentDetails? pd = null;
        if (payer.Reachable && payer.State is TransferState.ExpectingReq or TransferState.ExpectingAck)
        {
            pd = payer.PdAuth;
        }
        else if (payee.Reachable && payee.State == TransferState.ExpectingVal)
        {
            pd = payee.PdAuth;
        }
        if (pd is null)
        {
            PaymentParticipant? missing = !payer.Reachable ? _payer : !payee.Reachable ? _payee : null;
            if (missing is not null)
            {
                throw new CardCommunicationException(
                    $"cannot recover: {missing.Name} does not answer ({(missing == _payer ? payer : payee).Problem})");
            }
            return LastPaymentNote(payer, payee);
        }
        if ((payer.Reachable && payer.Id != pd.From) || (payee.Reachable && payee.Id != pd.To))
        {
            _pd = pd;
            PaymentParticipant holder = payer.Reachable && payer.Id == pd.From ? _payer : _payee;
            return NothingToRecover(
                $"{holder.Name}'s unfinished transfer is {new PaymentSummary(pd)}, not one between {_payer.Name} (payer) and " +
                $"{_payee.Name} (payee): recover it with its own counterparty, or abandon it on {holder.Name}.",
                PaymentRemedy.RecoverEarlierTransfer, Certainty.Maybe, ValueLocation.Unknown);
        }
        _pd = pd;
        _recovering = true;
        _recovery.Add($"{Describe(_payer, payer)}; {Describe(_payee, payee)}.");
        return Settle(payer, payee);
    }

    /// <summary>
    /// Observe both purses, take the next step of spec 4.7, act, observe again: until nothing is left to do, a card
    /// that matters is out of reach, or the rounds run out. Then conclude from what the cards said.
    /// </summary>
    private PaymentOutcome Settle(PurseView? firstPayer = null, PurseView? firstPayee = null)
    {
        PaymentDetails pd = _pd!;
        for (int round = 1; ; round++)
        {
            PurseView payer = round == 1 && firstPayer is not null ? firstPayer : Observe(_payer);
            PurseView payee = round == 1 && firstPayee is not null ? firstPayee : Observe(_payee);
            _lastPayee = payee;
            Learn(pd, payer, payee);
            RecoveryAction action = RecoveryTable.Decide(pd, payer, payee, _valRefused);
            if (action == RecoveryAction.AbortBoth && _payee.AbortRefused)
            {
                action = RecoveryAction.AbortPayerLogging;
            }
            if ((action == RecoveryAction.AbortPayee && _payee.AbortRefused) ||
                (action is RecoveryAction.AbortPayer or RecoveryAction.AbortPayerLogging && _payer.AbortRefused))
            {
                action = RecoveryAction.Wait;
            }
            PaymentLog.Decided(_log, round, action);
            if (action is RecoveryAction.None or RecoveryAction.Wait || round > _recoveryRounds)
            {
                if (action == RecoveryAction.Wait && payer.Reachable && payee.Reachable)
                {
                    string refusing = _payee.AbortRefused ? _payee.Name : _payer.Name;
                    _recovery.Add($"{refusing} does not accept ABORT from here: both cards are left as they are.");
                }
                else if (action == RecoveryAction.Wait)
                {
                    _recovery.Add(!payer.Reachable
                        ? $"{_payer.Name} cannot be reached ({payer.Problem}): both cards are left as they are."
                        : $"{_payee.Name} cannot be reached ({payee.Problem}): both cards are left as they are.");
                }
                break;
            }
            Act(action, payer, payee);
        }
        return Conclude();
    }

    /// <summary>What the two views prove about the payment's value.</summary>
    private void Learn(PaymentDetails pd, PurseView payer, PurseView payee)
    {
        if (payee.Reachable)
        {
            if (payee.HasPending(MessageType.Ack, pd))
            {
                _credited = Certainty.Yes;                              // VAL wrote the ack with the credit
            }
            else if (payee.Holds(pd) || payee.NeverStarted(pd, asPayer: false))
            {
                _credited = Certainty.No;                               // epv, aborted in epv, or never started it
            }
            else
            {
                _credited = TransactionLogShows(_payee, pd, TransactionRecordType.Received);   // moved on since
            }
        }
        if (payer.Reachable)
        {
            if (payer.IsIn(TransferState.ExpectingAck, pd))
            {
                _debited = Certainty.Yes;
                _payerHolds = true;
                _acknowledged = false;
            }
            else if (payer.IsIn(TransferState.ExpectingReq, pd) || payer.NeverStarted(pd, asPayer: true) ||
                     (payer.Holds(pd) && !payer.HasPending(MessageType.Val, pd)))
            {
                _debited = Certainty.No;                                // epr, never started, or aborted in epr
                _payerHolds = false;
            }
            else
            {
                // Idle again after the debit (the pending val shows it), or moved on to later transfers: it took the
                // ack (its transaction log says "sent"), or it aborted and logged the value (reason 01).
                Certainty sent = TransactionLogShows(_payer, pd, TransactionRecordType.Sent);
                _acknowledged = sent == Certainty.Yes;
                _debited = payer.HasPending(MessageType.Val, pd) || sent == Certainty.Yes ? Certainty.Yes
                    : _debited == Certainty.No ? Certainty.No : Certainty.Maybe;
                _payerHolds = false;
            }
        }
    }

    /// <summary>Carries out one step of <see cref="RecoveryTable"/>. A failure ends the step; the next round looks again.</summary>
    private void Act(RecoveryAction action, PurseView payer, PurseView payee)
    {
        string command = "";
        try
        {
            switch (action)
            {
                case RecoveryAction.DeliverReq:
                    command = "REQ";
                    Sending(_payer, "REQ (the payee's req, from RESUME)");
                    ProtectedMessage val = _payer.Card.Req(payee.Pending!);
                    Debit();
                    DeliverValAndAck(val, ref command);
                    _recovery.Add($"RESUME on {_payee.Name} gave its req; REQ to {_payer.Name}, VAL to {_payee.Name} and ACK to {_payer.Name} finished the payment.");
                    break;
                case RecoveryAction.DeliverVal:
                    DeliverValAndAck(payer.Pending!, ref command);
                    _recovery.Add($"RESUME on {_payer.Name} gave its val; VAL to {_payee.Name} and ACK to {_payer.Name} finished the payment.");
                    break;
                case RecoveryAction.DeliverAck:
                    command = "ACK";
                    Sending(_payer, "ACK (the payee's ack, from RESUME)");
                    _payer.Card.Ack(payee.Pending!);
                    Acknowledge();
                    _recovery.Add($"RESUME on {_payee.Name} gave its ack; ACK to {_payer.Name} finished the payment.");
                    break;
                case RecoveryAction.AbortPayer:
                    command = "ABORT";
                    AbortForCleanup(_payer);
                    break;
                case RecoveryAction.AbortPayerLogging:
                    command = "ABORT";
                    AbortLogging(_payer, $"{_payee.Name} can no longer take the val");
                    break;
                case RecoveryAction.AbortPayee:
                    command = "ABORT";
                    AbortLogging(_payee, $"{_payer.Name} will never send the val");
                    break;
                case RecoveryAction.AbortBoth:
                    command = "ABORT";
                    AbortLogging(_payer, $"{_payee.Name} refused the val");
                    AbortLogging(_payee, $"it refused {_payer.Name}'s val");
                    break;
            }
        }
        catch (PurseException e)
        {
            PaymentParticipant party = command is "VAL" ? _payee : _payer;
            Refused(party, command, e);
            _valRefused |= command == "VAL";
        }
        catch (SmartCardException e)
        {
            PaymentParticipant party = command is "VAL" ? _payee : _payer;
            Lost(party, command, e);
            switch (command)
            {
                case "REQ":
                    _debited = Certainty.Maybe;
                    _payerHolds = null;
                    break;
                case "VAL":
                    _credited = Certainty.Maybe;
                    break;
                case "ACK":
                    _payerHolds = null;
                    break;
            }
        }
    }

    private void DeliverValAndAck(ProtectedMessage val, ref string command)
    {
        command = "VAL";
        Sending(_payee, "VAL");
        ProtectedMessage ack = _payee.Card.Val(val);
        Credit();
        command = "ACK";
        Sending(_payer, "ACK");
        _payer.Card.Ack(ack);
        Acknowledge();
    }

    // ---- Abandonment -------------------------------------------------------------------------------------------

    /// <summary>Aborts the one purse's transfer in progress (in <c>_payer</c>'s slot), logging it where value was in flight.</summary>
    public PaymentOutcome Abandon()
    {
        PaymentParticipant purse = _payer;
        PurseView view = Observe(purse);
        if (!view.Reachable)
        {
            throw new CardCommunicationException($"cannot abandon: {purse.Name} does not answer ({view.Problem})");
        }
        if (view.State == TransferState.Idle || view.PdAuth is null)
        {
            return NothingToRecover($"Nothing to abandon: {purse.Name} has no transfer in progress.", PaymentRemedy.None,
                Certainty.No, ValueLocation.WithPayer);
        }
        PaymentDetails pd = _pd = view.PdAuth;
        TransferState state = view.State!.Value;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                Sending(purse, "ABORT");
                purse.Card.Abort();
                purse.State = TransferState.Idle;
                break;
            }
            catch (SmartCardException e) when (attempt < _reachAttempts)
            {
                Lost(purse, "ABORT", e);
                PurseView again = Observe(purse);
                if (again.Reachable && again.State == TransferState.Idle)
                {
                    break;
                }
            }
        }

        string value = ValueText;
        var payment = new PaymentSummary(pd);
        switch (state)
        {
            case TransferState.ExpectingReq:
                _debited = Certainty.No;
                _credited = Certainty.No;
                return Build(PaymentOutcomeKind.NotStarted,
                    $"Abandoned {purse.Name}'s payment of {value} to purse {pd.To}: it was still expecting the payee's req " +
                    "(epr), so nothing had been debited and nothing was logged.",
                    ValueLocation.WithPayer, PaymentRemedy.None, payer: purse.Report(), payee: Stranger(pd.To));
            case TransferState.ExpectingAck:
                _debited = Certainty.Yes;
                _credited = Certainty.Maybe;
                return Build(PaymentOutcomeKind.ValueLogged,
                    $"Abandoned {purse.Name}'s payment of {value} to purse {pd.To}: {purse.Name} had been debited and was " +
                    $"expecting the acknowledgement (epa); the amount is now in {purse.Name}'s exception log (reason 01) and " +
                    "the bank settles it (if the payee was credited after all, the bank matches the record with that credit).",
                    ValueLocation.PayerExceptionLog, PaymentRemedy.BankSettles, payer: purse.Report(), payee: Stranger(pd.To));
            default:
                _debited = Certainty.Maybe;
                _credited = Certainty.No;
                return Build(PaymentOutcomeKind.ValueLogged,
                    $"Abandoned {purse.Name}'s receipt of {value} from purse {pd.From}: it had not been credited, and it logged " +
                    $"the transfer in its exception log (reason 02). If purse {pd.From} was debited, the value is in its pending " +
                    "log (epa) or its exception log (reason 01): the bank settles it from both records.",
                    ValueLocation.Unknown, PaymentRemedy.BankSettles, payer: Stranger(pd.From), payee: purse.Report(),
                    paymentOverride: payment);
        }
    }

    private static PurseReport Stranger(PurseId id) => new($"purse {id}", id, null, reachable: false);

    // ---- Observing and acting ----------------------------------------------------------------------------------

    /// <summary>
    /// Asks a card what it holds: SELECT (a new session: the FCI's ID and state), GET DATA pending transfer (pdAuth),
    /// RESUME (the last message it sent). Changes nothing. A card that does not answer is asked again, a few times.
    /// </summary>
    private PurseView Observe(PaymentParticipant party)
    {
        string problem = "no answer";
        for (int attempt = 0; attempt < _reachAttempts; attempt++)
        {
            try
            {
                PurseFci fci = party.Card.Select();
                if (party.Id is { } expected && fci.PurseId != expected)
                {
                    problem = $"the card now answers as purse {fci.PurseId?.ToString() ?? "(none)"}, not {expected}";
                    break;
                }
                PendingTransfer pending = party.Card.GetPendingTransfer();
                ProtectedMessage? message = party.Card.Resume();
                party.Reachable = true;
                party.State = pending.State;
                var view = new PurseView(true, fci.PurseId, pending.State, fci.NextSequenceNumber, pending.Details, message, null);
                PaymentLog.Observed(_log, party.Name, PurseReport.StateName(pending.State));
                return view;
            }
            catch (PurseException e)
            {
                problem = OneLine(e.Message);
                break;
            }
            catch (SmartCardException e)
            {
                problem = OneLine(e.Message);
            }
        }
        party.Reachable = false;
        PaymentLog.Observed(_log, party.Name, "unreachable: " + problem);
        return PurseView.Unreachable(problem);
    }

    /// <summary>Whether the purse's transaction log records <paramref name="pd"/> as <paramref name="type"/>; read-only.</summary>
    private Certainty TransactionLogShows(PaymentParticipant party, PaymentDetails pd, TransactionRecordType type)
    {
        try
        {
            IReadOnlyList<TransactionLogEntry> entries = party.Card.ReadTransactionLog();
            if (entries.Any(e => e.Record.Type == type && e.Record.Details.Equals(pd)))
            {
                return Certainty.Yes;
            }
            // The log keeps the last 10 records: a full one may have let this payment's record go.
            return entries.Count < PurseConstants.TransactionLogCapacity ? Certainty.No : Certainty.Maybe;
        }
        catch (SmartCardException)
        {
            // Not readable here (a remote payee does not show its logs): unknown.
            return Certainty.Maybe;
        }
    }

    /// <summary>ABORT where nothing is in flight (epr, or a receipt nothing was debited for): best effort, said either way.</summary>
    private void AbortForCleanup(PaymentParticipant party)
    {
        TransferState? before = party.State;
        try
        {
            Sending(party, "ABORT");
            party.Card.Abort();
            party.State = TransferState.Idle;
            _sideEffects.Add(before == TransferState.ExpectingVal
                ? $"{party.Name}'s started receipt was aborted and logged in its exception log (reason 02) with no value behind it: nothing was debited."
                : $"{party.Name}'s started transfer was aborted (it was expecting a req): nothing had been debited, nothing was logged.");
        }
        catch (PurseException e)
        {
            party.AbortRefused = true;
            Refused(party, "ABORT", e);
            _sideEffects.Add(before == TransferState.ExpectingVal
                ? $"{party.Name} refused ABORT ({e.StatusWord}) and is left expecting a val (epv) that will never come; nothing was " +
                  "debited, so its next payment clears it, logging a record with no value behind it."
                : $"{party.Name} refused ABORT ({e.StatusWord}) and is left expecting a req (epr), which holds no value.");
        }
        catch (SmartCardException e)
        {
            Lost(party, "ABORT", e);
            _sideEffects.Add(before == TransferState.ExpectingVal
                ? $"{party.Name} could not be told to abort and may be left expecting a val (epv) that will never come; " +
                  "nothing was debited, so clearing it later (its next payment, or recovery) logs a record with no value behind it."
                : $"{party.Name} could not be told to abort and may be left expecting a req (epr), which holds no value; " +
                  "its next payment, or recovery, clears it.");
        }
    }

    /// <summary>ABORT where value may be in flight: the purse logs the transfer in its exception log (spec 4.3).</summary>
    private void AbortLogging(PaymentParticipant party, string why)
    {
        TransferState? before = party.State;
        try
        {
            Sending(party, "ABORT");
            party.Card.Abort();
        }
        catch (PurseException e)
        {
            // A payee behind a listener lets no ABORT through: it stays as it is, and its own next start aborts it.
            party.AbortRefused = true;
            Refused(party, "ABORT", e);
            return;
        }
        party.State = TransferState.Idle;
        if (party == _payer && before == TransferState.ExpectingAck)
        {
            _payerHolds = false;
            _payerAbortedHere = true;
            _sideEffects.Add($"{_payer.Name} aborted the payment ({why}): {ValueText} is in its exception log (reason 01).");
            _recovery.Add($"ABORT to {_payer.Name}: {why}, so the debited value went into its exception log.");
        }
        else if (party == _payee)
        {
            _sideEffects.Add($"{_payee.Name} aborted the payment ({why}) and logged it in its exception log (reason 02).");
            _recovery.Add($"ABORT to {_payee.Name}: {why}.");
        }
        else
        {
            _sideEffects.Add($"{party.Name}'s transfer was aborted ({why}).");
        }
    }

    private void Debit()
    {
        _debited = Certainty.Yes;
        _payerHolds = true;
        _payer.State = TransferState.ExpectingAck;
    }

    private void Credit()
    {
        _credited = Certainty.Yes;
        _payee.State = TransferState.Idle;
    }

    private void Acknowledge()
    {
        _acknowledged = true;
        _payerHolds = false;
        _payer.State = TransferState.Idle;
    }

    /// <summary>Sends a command of the introduction: a purse's refusal or a lost answer ends the payment before it starts.</summary>
    private T Ask<T>(PaymentParticipant party, string command, Func<T> send, RefusalReason onRefusal = RefusalReason.RefusedByCard)
    {
        try
        {
            Sending(party, command);
            T result = send();
            party.Reachable = true;
            return result;
        }
        catch (PurseException e)
        {
            Refused(party, command, e);
            RefusalReason reason = e is DataNotLoadedException ? RefusalReason.NotPersonalised : onRefusal;
            throw new PaymentRefusedException(new PaymentRefusal(party.Role, reason, OneLine(e.Message), e.StatusWord.ToString()));
        }
        catch (SmartCardException e)
        {
            Lost(party, command, e);
            throw new PaymentRefusedException(new PaymentRefusal(party.Role, RefusalReason.CardUnreachable, _cause!));
        }
    }

    private void Ask(PaymentParticipant party, string command, Action send, RefusalReason onRefusal = RefusalReason.RefusedByCard) =>
        Ask(party, command, () =>
        {
            send();
            return true;
        }, onRefusal);

    private static PaymentRefusedException NotPersonalised(PaymentParticipant party) =>
        Refuse(party.Role, RefusalReason.NotPersonalised, $"{party.Name} holds no personalised purse");

    private static PaymentRefusedException Refuse(PaymentParty by, RefusalReason reason, string message, string? statusWord = null,
        PaymentSummary? unfinished = null) =>
        new(new PaymentRefusal(by, reason, message, statusWord, unfinished));

    private void Sending(PaymentParticipant party, string command) => PaymentLog.Sending(_log, party.Name, command);

    private void Lost(PaymentParticipant party, string command, SmartCardException e)
    {
        string reason = OneLine(e.Message);
        party.Reachable = false;
        party.State = null;
        PaymentLog.Lost(_log, party.Name, command, reason);
        _recovery.Add($"{command} to {party.Name}: no answer ({reason}).");
        if (_cause is null)
        {
            _cause = $"{party.Name} did not answer {command} ({reason})";
            _causeParty = party.Role;
        }
    }

    private void Refused(PaymentParticipant party, string command, PurseException e)
    {
        string reason = OneLine(e.Message);
        PaymentLog.Refused(_log, party.Name, command, reason);
        if (_pd is not null)
        {
            _recovery.Add($"{command} to {party.Name}: refused, {e.StatusWord} ({reason}).");
        }
        if (_cause is null)
        {
            _cause = $"{party.Name} refused {command} ({reason})";
            _causeParty = party.Role;
            _causeWasRefusal = true;
        }
    }

    private static string Describe(PaymentParticipant party, PurseView view) => view.Reachable
        ? $"{party.Name} is {PurseReport.StateName(view.State!.Value)}"
        : $"{party.Name} cannot be reached";

    /// <summary>Nothing in progress; when their last payment is visible as completed on both, say so.</summary>
    private PaymentOutcome LastPaymentNote(PurseView payer, PurseView payee)
    {
        string note = $"Nothing to recover: neither {_payer.Name} nor {_payee.Name} has a transfer in progress.";
        if (payer.Pending is { Type: MessageType.Val } val && payee.HasPending(MessageType.Ack, val.Details))
        {
            _pd = val.Details;
            return NothingToRecover($"{note} Their last payment, {new PaymentSummary(val.Details)}, completed.", PaymentRemedy.None,
                Certainty.Yes, ValueLocation.WithPayee);
        }
        return NothingToRecover(note, PaymentRemedy.None, Certainty.No, ValueLocation.WithPayer);
    }

    // ---- Conclusion --------------------------------------------------------------------------------------------

    private PaymentOutcome Conclude()
    {
        NoteWaitingPayee();
        string payer = _payer.Name;
        string payee = _payee.Name;
        string value = ValueText;
        string cause = _cause is null ? "" : $"{_cause}. ";
        bool recovered = _cause is not null;
        PaymentOutcome outcome;
        if (_credited == Certainty.Yes)
        {
            bool awaiting = !_acknowledged && _payerHolds != false;
            string tail = !_acknowledged && _payerHolds == false
                ? $" {payer} had aborted it meanwhile, so its exception log holds a record (reason 01) for this payment; the bank matches it with {payee}'s credit."
                : "";
            outcome = awaiting
                ? Build(PaymentOutcomeKind.CompletedAwaitingAcknowledgement,
                    $"{payee} was credited with {value}, but {payer} {(_payerHolds == true ? "has not taken" : "did not confirm taking")} the acknowledgement: {cause}" +
                    (_payerHolds == true
                        ? $"No value is at risk; recovering with both cards delivers the acknowledgement (until then {payer} is expecting it, epa)."
                        : $"No value is at risk; if {payer} is still expecting it (epa), recovering with both cards delivers it."),
                    ValueLocation.WithPayee, PaymentRemedy.Recover)
                : Build(PaymentOutcomeKind.Completed,
                    (_recovering ? $"Finished the interrupted payment: {value} from {payer} to {payee} is complete."
                        : recovered ? $"Paid {value} from {payer} to {payee}, finished by recovery after an interruption ({_cause})."
                        : $"Paid {value} from {payer} to {payee}.") + tail,
                    ValueLocation.WithPayee, PaymentRemedy.None);
        }
        else if (_debited == Certainty.No && _recovering)
        {
            bool payeeWaits = _lastPayee is { } view && view.IsIn(TransferState.ExpectingVal, _pd!);
            outcome = Build(PaymentOutcomeKind.NotStarted,
                $"Nothing to finish: {payer} was never debited for this payment ({new PaymentSummary(_pd!)}); " +
                (payeeWaits
                    ? $"{payee} is still expecting its val (epv), with no value behind it, and its next payment clears that."
                    : "its unfinished transfer was cleared."),
                ValueLocation.WithPayer, PaymentRemedy.None);
        }
        else if (_debited == Certainty.No)
        {
            var refusal = new PaymentRefusal(_causeParty, _causeWasRefusal ? RefusalReason.RefusedByCard : RefusalReason.CardUnreachable,
                _cause ?? "the payment was not started");
            outcome = Build(PaymentOutcomeKind.NotStarted, $"Nothing was paid: {refusal.Message}; nothing was debited.",
                ValueLocation.WithPayer, refusal.Reason == RefusalReason.CardUnreachable ? PaymentRemedy.TryAgain : PaymentRemedy.None,
                refusal: refusal);
        }
        else if (_payerHolds != false || _credited == Certainty.Maybe)
        {
            (string text, ValueLocation where, PaymentRemedy remedy) = (_debited, _credited) switch
            {
                (Certainty.Maybe, _) =>
                    ($"{payer} may have been debited {value} and {payee} was not credited: {cause}" +
                     $"If {payer} was debited, the value is safe in its pending log (it is expecting the acknowledgement, epa). " +
                     $"Recover with both cards to finish the payment, or abandon it on {payer} to log it for the bank.",
                     ValueLocation.PayerOrPendingLog, PaymentRemedy.RecoverOrAbandon),
                (_, Certainty.Maybe) =>
                    ($"{value} was debited from {payer}, and {payee} may have been credited: {cause}" +
                     $"The value is in {payer}'s pending log or already with {payee}. Recover with both cards to finish the payment; " +
                     $"if {payee} is gone for good, abandon it on {payer}, and the bank matches the record with any credit.",
                     ValueLocation.PendingLogOrPayee, PaymentRemedy.RecoverOrAbandon),
                _ =>
                    ($"{value} was debited from {payer} and not credited to {payee}: {cause}" +
                     $"The value is safe in {payer}'s pending log ({payer} is expecting the acknowledgement, epa). " +
                     $"Recover with both cards to finish the payment, or abandon it on {payer} to log it for the bank.",
                     ValueLocation.PayerPendingLog, PaymentRemedy.RecoverOrAbandon),
            };
            outcome = Build(PaymentOutcomeKind.Interrupted, text, where, remedy);
        }
        else
        {
            string maybe = _debited == Certainty.Maybe ? $"If {payer} was debited, " : "";
            string text = !_recovering
                ? $"The payment was aborted: {cause}{maybe}{value} is in {payer}'s exception log (reason 01), not with {payee}, " +
                  "and the bank settles it."
                : _payerAbortedHere
                    ? $"The payment could not be finished, so it was aborted: {maybe}{value} is in {payer}'s exception log " +
                      $"(reason 01), not with {payee}, and the bank settles it."
                    : $"The payment cannot be finished: {payer} had already aborted it, so {(maybe.Length > 0 ? "if it was debited, " : "")}" +
                      $"{value} is in its exception log (reason 01), not with {payee}, and the bank settles it.";
            outcome = Build(PaymentOutcomeKind.ValueLogged, text, ValueLocation.PayerExceptionLog, PaymentRemedy.BankSettles);
        }
        PaymentLog.Concluded(_log, outcome.Kind, outcome.Summary);
        return outcome;
    }

    /// <summary>
    /// Says so when the payee may be left expecting a val for this payment: harmless (its next start clears it) when
    /// nothing was debited; the bank's "maybe lost" until then when the payer logged the value.
    /// </summary>
    private void NoteWaitingPayee()
    {
        if (_pd is null || _credited == Certainty.Yes || _lastPayee is null)
        {
            return;
        }
        string payee = _payee.Name;
        if (_lastPayee.IsIn(TransferState.ExpectingVal, _pd) && _debited != Certainty.No && _payerHolds == false)
        {
            _sideEffects.Add($"{payee} is still expecting the val (epv): until its next payment logs that (reason 02), " +
                "the bank sees the payment as maybe lost.");
        }
        else if (!_lastPayee.Reachable && _debited == Certainty.No && !_recovering)
        {
            _sideEffects.Add($"{payee} could not be asked: it may be left expecting the val (epv) for this payment; nothing was " +
                "debited, so its next payment (or recovery) clears it, logging a record with no value behind it.");
        }
    }

    private PaymentOutcome NotStarted(PaymentRefusal refusal)
    {
        _debited = Certainty.No;
        _credited = Certainty.No;
        PaymentRemedy remedy = refusal.Reason switch
        {
            RefusalReason.PurseNotIdle => PaymentRemedy.RecoverEarlierTransfer,
            RefusalReason.CardUnreachable => PaymentRemedy.TryAgain,
            _ => PaymentRemedy.None,
        };
        PaymentOutcome outcome = Build(PaymentOutcomeKind.NotStarted, $"Nothing was paid: {refusal.Message}.", ValueLocation.WithPayer,
            remedy, refusal: refusal);
        PaymentLog.Concluded(_log, outcome.Kind, outcome.Summary);
        return outcome;
    }

    /// <param name="moved">Whether value moved in the payment the outcome names (debited and credited alike).</param>
    private PaymentOutcome NothingToRecover(string summary, PaymentRemedy remedy, Certainty moved, ValueLocation where)
    {
        _debited = moved;
        _credited = moved;
        return Build(PaymentOutcomeKind.NothingToRecover, summary, where, remedy);
    }

    private PaymentOutcome Build(PaymentOutcomeKind kind, string summary, ValueLocation where, PaymentRemedy remedy,
        PaymentRefusal? refusal = null, PurseReport? payer = null, PurseReport? payee = null, PaymentSummary? paymentOverride = null) => new()
        {
            Kind = kind,
            Summary = summary,
            Payment = paymentOverride ?? (_pd is null ? null : new PaymentSummary(_pd)),
            Payer = payer ?? _payer.Report(),
            Payee = payee ?? _payee.Report(),
            Debited = _debited,
            Credited = _credited,
            Value = where,
            Refusal = refusal,
            SideEffects = [.. _sideEffects],
            Recovery = [.. _recovery],
            Remedy = remedy,
        };

    private static string OneLine(string message)
    {
        string line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.TrimEnd('.');
    }
}
