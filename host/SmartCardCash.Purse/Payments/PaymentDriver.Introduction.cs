using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>The introduction: the terminal's checks and the certificate exchange, before anything can change.</summary>
internal sealed partial class PaymentDriver
{
    /// <summary>The host's checks and the certificate exchange. Nothing on either purse changes here (VERIFY
    /// CERTIFICATE only moves a purse's trusted date forward).</summary>
    /// <exception cref="PaymentRefusedException">A check, or a purse, refuses the payment.</exception>
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
        PurseFci payerFci = Ask(_payer, "SELECT", card => card.Select());
        PurseFci payeeFci = Ask(_payee, "SELECT", card => card.Select());
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

        PurseCertificate payerCertificate = Ask(_payer, "GET DATA (certificate)", card => card.GetCertificate());
        PurseCertificate payeeCertificate = Ask(_payee, "GET DATA (certificate)", card => card.GetCertificate());
        CheckCertificate(policy, today, _payer, payerCertificate, payerId);
        _payer.Certificate = payerCertificate;
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

        Ask(_payer, "VERIFY CERTIFICATE", card => card.VerifyCertificate(payeeCertificate), RefusalReason.CertificateRefusedByCard);
        Ask(_payee, "VERIFY CERTIFICATE", card => card.VerifyCertificate(payerCertificate), RefusalReason.CertificateRefusedByCard);
        if (request.LockCode is { } code)
        {
            Ask(_payer, "VERIFY LOCK CODE", card => card.VerifyLockCode(code));
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
        PendingTransfer pending = Ask(party, "GET DATA (pending transfer)", card => card.GetPendingTransfer());
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

    /// <summary>Sends a command of the introduction: a purse's refusal or a lost answer ends the payment before it starts.</summary>
    private T Ask<T>(PaymentParticipant party, string command, Func<PurseCard, T> send, RefusalReason onRefusal = RefusalReason.RefusedByCard)
    {
        CardAnswer<T> answer = Send(party, command, send);
        switch (answer.Kind)
        {
            case AnswerKind.Answered:
                party.Reachable = true;
                return answer.Value;
            case AnswerKind.Refused:
                PurseException refusal = answer.Refusal!;
                RefusalReason reason = refusal is DataNotLoadedException ? RefusalReason.NotPersonalised : onRefusal;
                throw new PaymentRefusedException(new PaymentRefusal(party.Role, reason, OneLine(refusal.Message),
                    refusal.StatusWord.ToString()));
            default:
                throw new PaymentRefusedException(new PaymentRefusal(party.Role, RefusalReason.CardUnreachable,
                    PaymentNarrator.Cause(_known.Cause!)));
        }
    }

    private void Ask(PaymentParticipant party, string command, Action<PurseCard> send,
        RefusalReason onRefusal = RefusalReason.RefusedByCard) =>
        Ask(party, command, card =>
        {
            send(card);
            return true;
        }, onRefusal);

    private static PaymentRefusedException NotPersonalised(PaymentParticipant party) =>
        Refuse(party.Role, RefusalReason.NotPersonalised, $"{party.Name} holds no personalised purse");

    private static PaymentRefusedException Refuse(PaymentParty by, RefusalReason reason, string message, string? statusWord = null,
        PaymentSummary? unfinished = null) =>
        new(new PaymentRefusal(by, reason, message, statusWord, unfinished));
}
