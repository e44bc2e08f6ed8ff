using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The value-transfer protocol of spec section 4 in one place: the PRG-126 purse states idle / epr / epv / epa, the
/// abort with LogIfNecessary, START FROM, START TO, REQ, VAL, ACK, ABORT and RESUME, each as one atomic transaction.
/// </summary>
/// <remarks>
/// The two rules that decide what an error changes (spec 4.3):
/// <list type="bullet">
/// <item>A well-formed START aborts first. If the start is then refused, the abort alone is committed; if it succeeds,
/// abort and start are one transaction.</item>
/// <item>A protected message (REQ, VAL, ACK) that does not fit — wrong state, PD ≠ pdAuth, bad signature — is refused and
/// changes nothing: an injected or replayed message can never abort a transfer in progress.</item>
/// </list>
/// Lifecycle, P1 P2 and the data format were checked before any method here is called.
/// </remarks>
internal sealed class TransferStateMachine
{
    private readonly PurseStore _store;
    private readonly PurseSession _session;
    private readonly AtomicUpdate _atomic;
    private readonly IPurseCrypto _crypto;

    public TransferStateMachine(PurseStore store, PurseSession session, AtomicUpdate atomic, IPurseCrypto crypto)
    {
        _store = store;
        _session = session;
        _atomic = atomic;
        _crypto = crypto;
    }

    /// <summary>
    /// The PRG-126 Abort with LogIfNecessary: in epv log <c>02 ‖ pdAuth</c>, in epa log <c>01 ‖ pdAuth</c>, in epr or idle
    /// log nothing; then idle. pdAuth keeps its value and no longer authorises anything. The caller holds the transaction.
    /// </summary>
    public void AbortTransferInProgress()
    {
        TransferState state = _store.State;
        ExceptionReason? reason = state switch
        {
            TransferState.ExpectingVal => ExceptionReason.PayeeAbortedInEpv,
            TransferState.ExpectingAck => ExceptionReason.PayerAbortedInEpa,
            _ => null,
        };
        if (reason is { } logged)
        {
            // The start that entered epv/epa made sure of a free record (6A84), and nothing else adds records meanwhile.
            if (_store.ExceptionLogCount >= PurseConstants.ExceptionLogCapacity)
            {
                throw new PurseInvariantException($"abort in {state} finds the exception log full.");
            }
            var record = new byte[ExceptionRecord.Length];
            record[0] = (byte)logged;
            _store.PdAuth.CopyTo(record, 1);
            _store.AppendExceptionRecord(record);
        }
        if (state != TransferState.Idle)
        {
            _store.State = TransferState.Idle;
        }
    }

    /// <summary>START FROM (spec 5.8): this purse pays. Returns <c>C0 PD</c>.</summary>
    public byte[] StartFrom(TransferStart start, CardInterface cardInterface)
    {
        _atomic.Begin();
        AbortTransferInProgress();
        VerifiedPeer peer = CommitAbortIfRefused(() => CheckStartFrom(start, cardInterface));

        uint nextSeq = _store.NextSeq;
        var pd = new PaymentDetails(_store.PurseId, peer.Id, start.Currency, start.Value, nextSeq, start.PeerSequence,
            start.OrderDigest);
        EnterTransfer(pd, peer, nextSeq, TransferState.ExpectingReq);
        _store.ClearPending();
        _atomic.Commit();
        return pd.ToTlv();
    }

    /// <summary>START TO (spec 5.9): this purse is paid. Returns the req, <c>C0 PD, 9E signature</c>.</summary>
    public byte[] StartTo(TransferStart start)
    {
        _atomic.Begin();
        AbortTransferInProgress();
        VerifiedPeer peer = CommitAbortIfRefused(() => CheckStartTo(start));

        uint nextSeq = _store.NextSeq;
        var pd = new PaymentDetails(peer.Id, _store.PurseId, start.Currency, start.Value, start.PeerSequence, nextSeq,
            start.OrderDigest);
        EnterTransfer(pd, peer, nextSeq, TransferState.ExpectingVal);
        byte[] response = SendProtected(MessageType.Req, pd.Encoding);
        _atomic.Commit();
        return response;
    }

    /// <summary>REQ (spec 5.10), payer in epr: debit, epa. Returns the val.</summary>
    public byte[] Req(PaymentMessage req)
    {
        AcceptProtected(req, TransferState.ExpectingReq, MessageType.Req);
        PaymentDetails pd = PaymentDetails.Decode(req.Details);

        _atomic.Begin();
        int pocketIndex = RequirePocket(pd.Currency);
        Pocket pocket = _store.ReadPocket(pocketIndex);
        if (pocket.Balance < pd.Value)
        {
            // START FROM checked the balance and nothing moves value in epr without aborting first.
            throw new PurseInvariantException($"REQ would debit {pd.Value} from a balance of {pocket.Balance}.");
        }
        _store.WriteBalance(pocketIndex, pocket.Balance - pd.Value);
        _store.State = TransferState.ExpectingAck;
        byte[] response = SendProtected(MessageType.Val, req.Details);
        _atomic.Commit();
        return response;
    }

    /// <summary>VAL (spec 5.11), payee in epv: credit, idle, log. Returns the ack.</summary>
    public byte[] Val(PaymentMessage val)
    {
        AcceptProtected(val, TransferState.ExpectingVal, MessageType.Val);
        PaymentDetails pd = PaymentDetails.Decode(val.Details);

        _atomic.Begin();
        int pocketIndex = RequirePocket(pd.Currency);
        Pocket pocket = _store.ReadPocket(pocketIndex);
        if (pd.Value > pocket.MaximumBalance - pocket.Balance)
        {
            // START TO checked the maximum and nothing credits this pocket in epv.
            throw new PurseInvariantException($"VAL would credit {pd.Value} to {pocket.Balance}, above the maximum {pocket.MaximumBalance}.");
        }
        uint balance = pocket.Balance + pd.Value;
        _store.WriteBalance(pocketIndex, balance);
        _store.State = TransferState.Idle;
        byte[] response = SendProtected(MessageType.Ack, val.Details);
        _store.AppendTransactionRecord(new TransactionRecord(TransactionRecordType.Received, pd, balance).Encode());
        _atomic.Commit();
        return response;
    }

    /// <summary>ACK (spec 5.12), payer in epa: idle, log.</summary>
    public void Ack(PaymentMessage ack)
    {
        AcceptProtected(ack, TransferState.ExpectingAck, MessageType.Ack);
        PaymentDetails pd = PaymentDetails.Decode(ack.Details);

        _atomic.Begin();
        uint balance = _store.ReadPocket(RequirePocket(pd.Currency)).Balance;
        _store.State = TransferState.Idle;
        _store.AppendTransactionRecord(new TransactionRecord(TransactionRecordType.Sent, pd, balance).Encode());
        _atomic.Commit();
    }

    /// <summary>ABORT (spec 5.13): always succeeds, also in idle.</summary>
    public void Abort()
    {
        _atomic.Begin();
        AbortTransferInProgress();
        _atomic.Commit();
    }

    /// <summary>RESUME (spec 5.14, 4.7): the pending log, byte for byte. Returns <c>9A type, C0 PD, 9E signature</c>.</summary>
    public byte[] Resume()
    {
        PendingMessage pending = _store.Pending ?? throw new IsoException(StatusWord.ReferencedDataNotFound);
        return new PurseTlvBuilder()
            .AddByte(PurseTag.MessageType, (byte)pending.Type)
            .Add(PurseTag.PaymentDetails, pending.Details)
            .Add(PurseTag.Signature, pending.Signature)
            .ToArray();
    }

    /// <summary>
    /// A start is "abort, then start if allowed" (spec 4.3): when a check after the abort refuses, the abort alone is
    /// committed and the refusal answered.
    /// </summary>
    private VerifiedPeer CommitAbortIfRefused(Func<VerifiedPeer> checks)
    {
        try
        {
            return checks();
        }
        catch (IsoException)
        {
            _atomic.Commit();
            throw;
        }
    }

    /// <summary>The checks of spec 5.8 after the abort, in order.</summary>
    private VerifiedPeer CheckStartFrom(TransferStart start, CardInterface cardInterface)
    {
        VerifiedPeer peer = CheckStartCommon(start);
        Refuse(!PurseClassRules.MayPay(_store.Class, peer.Class), PurseStatusWords.ClassesMayNotTransfer);
        int pocketIndex = _store.FindPocket(start.Currency);
        Refuse(pocketIndex < 0 || !peer.Holds(start.Currency), PurseStatusWords.CurrencyNotHeld);
        Refuse(_store.Locked, StatusWord.SecurityStatusNotSatisfied);
        Pocket pocket = _store.ReadPocket(pocketIndex);
        Refuse(cardInterface == CardInterface.Contactless && start.Value > pocket.ContactlessLimit && !_session.LockCodeVerified,
            StatusWord.SecurityStatusNotSatisfied);
        Refuse(start.Value > pocket.TransactionLimit, PurseStatusWords.TransactionLimitExceeded);
        Refuse(start.Value > pocket.Balance, PurseStatusWords.InsufficientFunds);
        return peer;
    }

    /// <summary>The checks of spec 5.9 after the abort, in order. A locked purse may receive.</summary>
    private VerifiedPeer CheckStartTo(TransferStart start)
    {
        VerifiedPeer peer = CheckStartCommon(start);
        Refuse(!PurseClassRules.MayPay(peer.Class, _store.Class), PurseStatusWords.ClassesMayNotTransfer);
        int pocketIndex = _store.FindPocket(start.Currency);
        Refuse(pocketIndex < 0 || !peer.Holds(start.Currency), PurseStatusWords.CurrencyNotHeld);
        Pocket pocket = _store.ReadPocket(pocketIndex);
        Refuse(start.Value > pocket.TransactionLimit, PurseStatusWords.TransactionLimitExceeded);
        Refuse(start.Value > pocket.MaximumBalance - pocket.Balance, PurseStatusWords.MaximumBalanceExceeded);
        return peer;
    }

    /// <summary>The first four checks both starts share: peer, own certificate, sequence bound, exception-log room.</summary>
    private VerifiedPeer CheckStartCommon(TransferStart start)
    {
        VerifiedPeer? peer = _session.Peer;
        if (peer is null || peer.Id != start.Peer)
        {
            throw new IsoException(StatusWord.ReferencedDataNotFound);
        }
        Refuse(OwnCertificateExpired(), PurseStatusWords.CertificateExpired);
        Refuse(_store.NextSeq >= PurseConstants.SequenceNumberBound, PurseStatusWords.SequenceNumbersExhausted);
        Refuse(_store.ExceptionLogCount >= PurseConstants.ExceptionLogCapacity, PurseStatusWords.ExceptionLogFull);
        return peer;
    }

    private static void Refuse(bool refused, StatusWord statusWord)
    {
        if (refused)
        {
            throw new IsoException(statusWord);
        }
    }

    private bool OwnCertificateExpired()
    {
        byte[] certificate = _store.PurseCertificate
            ?? throw new PurseInvariantException("an issued purse has no purse certificate.");
        return PurseCertificate.Parse(certificate).IsExpiredAt(_store.TrustedDate);
    }

    private void EnterTransfer(PaymentDetails pd, VerifiedPeer peer, uint usedSequence, TransferState state)
    {
        _store.PdAuth = pd.Encode();
        _store.PeerKey = peer.PublicKey;
        _store.PeerClass = peer.Class;
        _store.NextSeq = usedSequence + 1;
        _store.State = state;
    }

    /// <summary>
    /// The order of spec 4.3 for a protected message: state, PD = pdAuth, the counterparty's signature. A refusal
    /// happens before any write, so it changes nothing.
    /// </summary>
    private void AcceptProtected(PaymentMessage message, TransferState expected, MessageType type)
    {
        if (_store.State != expected)
        {
            throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
        }
        if (!message.Details.AsSpan().SequenceEqual(_store.PdAuth))
        {
            throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
        }
        if (!_crypto.Verify(_store.PeerKey, SignedMessages.Payment(type, message.Details), message.Signature))
        {
            throw new IsoException(StatusWord.SecurityStatusNotSatisfied);
        }
    }

    /// <summary>Signs a req, val or ack, keeps it in the pending log and returns it as <c>C0 PD, 9E signature</c>.</summary>
    private byte[] SendProtected(MessageType type, ReadOnlySpan<byte> pd)
    {
        byte[] signature = _crypto.Sign(_store.PrivateKey, SignedMessages.Payment(type, pd));
        _store.WritePending(type, pd, signature);
        return new PurseTlvBuilder().Add(PurseTag.PaymentDetails, pd).Add(PurseTag.Signature, signature).ToArray();
    }

    private int RequirePocket(CurrencyCode currency)
    {
        int index = _store.FindPocket(currency);
        return index >= 0
            ? index
            : throw new PurseInvariantException($"pdAuth's currency {currency} has no pocket.");
    }
}
