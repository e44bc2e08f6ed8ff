using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Issuing;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

/// <summary>
/// The purse application on one card, as typed methods: one method per command of spec section 5, each checking the
/// status word and parsing the response. Works over any <see cref="IApduTransmitter"/>, so an emulated card, a card in
/// a PC/SC reader and a remote card are driven alike.
/// </summary>
/// <remarks>
/// <para>Every error status word becomes a <see cref="PurseException"/> subtype chosen for the command that got it
/// (spec section 5 tables), with a plain message naming the purse by <see cref="Name"/>. Where the host can know more
/// (the balance behind 9401, the limit behind 9403, whether 6982 on START FROM means "locked") it reads it with GET
/// DATA, which changes nothing, and says it.</para>
/// <para>Nothing selects implicitly: call <see cref="Select"/> first in every card session, as the purse clears its
/// session state (verified peer, verified lock code) at each SELECT.</para>
/// <para>Not thread-safe, like the card under it.</para>
/// </remarks>
public sealed class PurseCard
{
    private const byte PutDataInstruction = 0xDA;

    private readonly IPurseCrypto _crypto;

    /// <param name="transmitter">The card; normally an <see cref="ApduPipeline"/> (GET RESPONSE is its business).</param>
    /// <param name="name">How messages name the purse ("alice"); "the purse" when null.</param>
    /// <param name="crypto">For verifying exception-log signatures; <see cref="P256.Shared"/> when null.</param>
    public PurseCard(IApduTransmitter transmitter, string? name = null, IPurseCrypto? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(transmitter);
        Transmitter = transmitter;
        Name = string.IsNullOrWhiteSpace(name) ? "the purse" : name;
        _crypto = crypto ?? P256.Shared;
    }

    public IApduTransmitter Transmitter { get; }

    /// <summary>The purse's name in messages: a card name, a reader, or "the purse".</summary>
    public string Name { get; }

    /// <summary>
    /// A purse over <paramref name="channel"/> through an <see cref="ApduPipeline"/> with <see cref="PipelineOptions"/>.
    /// The pipeline does not own the channel.
    /// </summary>
    /// <param name="trace">Receives the APDU trace; null for none.</param>
    public static PurseCard Open(ICardChannel channel, string? name = null, ILogger? trace = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        return new PurseCard(new ApduPipeline(channel, PipelineOptions(), trace), name ?? channel.Name);
    }

    /// <summary>
    /// The pipeline settings for a purse: the defaults (GET RESPONSE, 6Cxx resend), plus PUT DATA's data redacted in the
    /// trace, because personalisation sends the lock code with it (the lock-code commands are redacted already).
    /// </summary>
    public static ApduPipelineOptions PipelineOptions()
    {
        var options = new ApduPipelineOptions();
        options.Trace.RedactedInstructions.Add(PutDataInstruction);
        return options;
    }

    // ---- Reading --------------------------------------------------------------------------------------------

    /// <summary>
    /// SELECT: makes the purse current and returns its FCI. A BLOCKED purse answers 6283 with its FCI, which is
    /// returned too (<see cref="PurseFci.Lifecycle"/> says so).
    /// </summary>
    /// <exception cref="PurseNotFoundException">The card has no purse application.</exception>
    /// <exception cref="PurseTerminatedException">The purse is terminated.</exception>
    public PurseFci Select()
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.Select());
        if (!response.IsSuccess && response.StatusWord != PurseStatusWords.PurseBlocked)
        {
            throw Error(PurseCommand.Select, response.StatusWord);
        }
        return PurseResponses.ParseFci(response.Data.Span);
    }

    /// <summary>GET DATA 01: lifecycle, identity, transfer state, counters, flags, tries, log occupancy, trusted date.</summary>
    public PurseStatus GetStatus() => PurseResponses.ParseStatus(GetData(PurseDataObject.Status));

    /// <summary>GET DATA 02: one balance per pocket, in certificate order. Needs no lock code (a balance reader).</summary>
    /// <exception cref="DataNotLoadedException">The purse is not personalised.</exception>
    public IReadOnlyList<PocketBalance> GetBalances() => PurseResponses.ParseBalances(GetData(PurseDataObject.Balances));

    /// <summary>GET DATA 05: maximum balance, transaction and contactless limits of each pocket.</summary>
    /// <exception cref="DataNotLoadedException">The purse is not personalised.</exception>
    public IReadOnlyList<PocketLimits> GetLimits() => PurseResponses.ParseLimits(GetData(PurseDataObject.PocketLimits));

    /// <summary>GET DATA 03: the purse's own certificate, parsed (not judged: the purse checked it when it was loaded).</summary>
    /// <exception cref="DataNotLoadedException">The certificate is not loaded yet.</exception>
    public PurseCertificate GetCertificate() => PurseCertificate.Parse(GetData(PurseDataObject.PurseCertificate));

    /// <summary>GET DATA 04: the issuer's self-signed certificate the purse trusts.</summary>
    /// <exception cref="DataNotLoadedException">The certificate is not loaded yet.</exception>
    public PurseCertificate GetIssuerCertificate() => PurseCertificate.Parse(GetData(PurseDataObject.IssuerCertificate));

    /// <summary>GET DATA 06: the transfer state and the payment details of the last transfer started (if any).</summary>
    public PendingTransfer GetPendingTransfer() => PurseResponses.ParsePendingTransfer(GetData(PurseDataObject.PendingTransfer));

    /// <summary>
    /// READ LOG of the transaction log, every record: index 0 is the most recent. Read-only.
    /// </summary>
    public IReadOnlyList<TransactionLogEntry> ReadTransactionLog()
    {
        var entries = new List<TransactionLogEntry>();
        for (int index = 0; index <= byte.MaxValue; index++)
        {
            byte[]? data = ReadLogRecord(PurseLogKind.Transactions, (byte)index);
            if (data is null)
            {
                break;
            }
            entries.Add(PurseResponses.ParseTransactionLogEntry(data));
        }
        return entries;
    }

    /// <summary>
    /// READ LOG of the exception log, every record (index 0 is the oldest), each signature verified against the key in
    /// the purse's own certificate.
    /// </summary>
    /// <remarks>
    /// <b>Reading the exception log aborts a transfer in progress</b> (spec 4.3, the PRG-126 readExceptionLog): a
    /// purse in epv or epa logs that transfer first, so the log read is complete. Do not call it on a purse that is in
    /// the middle of a payment you mean to finish or resume.
    /// </remarks>
    /// <exception cref="ExceptionLogSignatureException">A record's signature does not verify.</exception>
    public IReadOnlyList<ExceptionLogEntry> ReadExceptionLog()
    {
        PurseCertificate certificate = GetCertificate();
        PurseId purse = certificate.Body.Holder;
        var entries = new List<ExceptionLogEntry>();
        for (int index = 0; index <= byte.MaxValue; index++)
        {
            byte[]? data = ReadLogRecord(PurseLogKind.Exceptions, (byte)index);
            if (data is null)
            {
                break;
            }
            ExceptionLogEntry entry = PurseResponses.ParseExceptionLogEntry(data);
            if (!entry.Verify(purse, certificate.Body.PublicKey, _crypto))
            {
                throw new ExceptionLogSignatureException(
                    $"exception-log record {entry.Index} of {Name} (purse {purse}) is not signed by the purse's certified key: " +
                    "the record, the card or the channel is not to be trusted", entry.Index);
            }
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>
    /// Everything readable without the lock code, in one snapshot: SELECT, status, balances, limits and the purse
    /// certificate's dates. Selects the purse. A purse in personalisation gives what it has (no pockets yet).
    /// </summary>
    public PurseInfo ReadInfo()
    {
        PurseFci fci = Select();
        PurseStatus status = GetStatus();
        var pockets = new List<PocketInfo>();
        BcdDate? effective = null, expiry = null;
        if (status.PurseId is not null)
        {
            IReadOnlyList<PocketBalance> balances = GetBalances();
            IReadOnlyList<PocketLimits> limits = TryRead(GetLimits) ?? [];
            foreach (PocketBalance balance in balances)
            {
                PocketLimits? limit = limits.FirstOrDefault(l => l.Currency == balance.Currency);
                pockets.Add(new PocketInfo(balance.Currency, balance.Balance, limit?.MaximumBalance ?? 0,
                    limit?.TransactionLimit ?? 0, limit?.ContactlessLimit ?? 0));
            }
            PurseCertificate certificate = GetCertificate();
            effective = certificate.Body.Effective;
            expiry = certificate.Body.Expiry;
        }
        return new PurseInfo(fci.AppletVersion, status.PurseId, status.IssuerId, status.PurseClass, status.Lifecycle,
            status.TransferState, status.NextSequenceNumber, status.IssuerCounter, status.Flags,
            status.LockCodeTriesRemaining,
            new LogOccupancy(status.ExceptionLogCount, status.ExceptionLogCapacity),
            new LogOccupancy(status.TransactionLogCount, status.TransactionLogCapacity),
            pockets, effective, expiry, status.TrustedDate);
    }

    // ---- Lock code ------------------------------------------------------------------------------------------

    /// <summary>VERIFY LOCK CODE: the code is verified for this session (until the next SELECT or power-up).</summary>
    /// <exception cref="WrongLockCodeException">Wrong code; <see cref="WrongLockCodeException.TriesLeft"/> says how many remain.</exception>
    /// <exception cref="LockCodeBlockedException">No tries left.</exception>
    public void VerifyLockCode(string code) => Send(PurseCommand.VerifyLockCode, PurseCommands.VerifyLockCode(CheckCode(code)));

    /// <summary>VERIFY LOCK CODE without data: whether the code was verified in this session, tries left, blocked.</summary>
    public LockCodeState GetLockCodeState()
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.VerifyLockCode());
        if (response.IsSuccess)
        {
            return new LockCodeState(true, GetStatus().LockCodeTriesRemaining, false);
        }
        if (response.StatusWord.RetriesLeft is int left)
        {
            return new LockCodeState(false, left, false);
        }
        if (response.StatusWord == PurseStatusWords.LockCodeBlocked)
        {
            return new LockCodeState(false, 0, true);
        }
        throw Error(PurseCommand.VerifyLockCode, response.StatusWord);
    }

    /// <summary>LOCK: with the right code, sets the locked flag; a locked purse can receive but not pay.</summary>
    public void Lock(string code) => Send(PurseCommand.Lock, PurseCommands.Lock(CheckCode(code)));

    /// <summary>UNLOCK: with the right code, clears the locked flag.</summary>
    public void Unlock(string code) => Send(PurseCommand.Unlock, PurseCommands.Unlock(CheckCode(code)));

    /// <summary>CHANGE LOCK CODE: verifies <paramref name="oldCode"/> as VERIFY does, then sets <paramref name="newCode"/>.</summary>
    public void ChangeLockCode(string oldCode, string newCode) =>
        Send(PurseCommand.ChangeLockCode, PurseCommands.ChangeLockCode(CheckCode(oldCode), CheckCode(newCode)));

    // ---- The value-transfer protocol (spec 4) ---------------------------------------------------------------

    /// <summary>VERIFY CERTIFICATE: the counterparty's certificate becomes this session's verified peer.</summary>
    /// <exception cref="MalformedDataException">Malformed, or from another issuer.</exception>
    /// <exception cref="SignatureInvalidException">Not signed by this purse's issuer.</exception>
    /// <exception cref="CounterpartyIsSelfException">It is this purse's own certificate.</exception>
    /// <exception cref="CertificateExpiredException">Expired by this purse's trusted date.</exception>
    public void VerifyCertificate(PurseCertificate peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        Send(PurseCommand.VerifyCertificate, PurseCommands.VerifyCertificate(peer.Encoded));
    }

    /// <summary>
    /// START FROM (payer): aborts any transfer in progress, then starts paying <paramref name="amount"/> to the verified
    /// peer <paramref name="payee"/>, whose next sequence number is <paramref name="payeeSequence"/>. Returns the
    /// payment details the purse fixed. A refused START FROM has still aborted the previous transfer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than a card holds: nothing is sent.</exception>
    /// <exception cref="InsufficientFundsException">The pocket holds less (the message says how much it holds).</exception>
    /// <exception cref="PurseLockedException">The purse is locked.</exception>
    /// <exception cref="LockCodeRequiredException">Contactless above the contactless limit without a verified lock code.</exception>
    public PaymentDetails StartFrom(PurseId payee, Money amount, uint payeeSequence, ReadOnlySpan<byte> orderDigest = default)
    {
        CommandApdu command = PurseCommands.StartFrom(payee, amount.Currency, amount.ToCardValue(allowZero: true), payeeSequence,
            orderDigest);
        ResponseApdu response = Transmitter.Transmit(command);
        if (!response.IsSuccess)
        {
            throw StartError(PurseCommand.StartFrom, response.StatusWord, amount);
        }
        return PaymentDetails.Decode(StrictTlvReader.ReadSingle(response.Data.Span, PurseTag.PaymentDetails,
            PaymentDetails.Length, PaymentDetails.Length));
    }

    /// <summary>
    /// START TO (payee): aborts any transfer in progress, then expects <paramref name="amount"/> from the verified peer
    /// <paramref name="payer"/>, whose sequence number for this transfer is <paramref name="payerSequence"/>. Returns
    /// the req for the payer. A refused START TO has still aborted the previous transfer.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than a card holds: nothing is sent.</exception>
    /// <exception cref="BalanceLimitException">The payment would exceed the pocket's maximum balance.</exception>
    public ProtectedMessage StartTo(PurseId payer, Money amount, uint payerSequence, ReadOnlySpan<byte> orderDigest = default)
    {
        CommandApdu command = PurseCommands.StartTo(payer, amount.Currency, amount.ToCardValue(allowZero: true), payerSequence,
            orderDigest);
        ResponseApdu response = Transmitter.Transmit(command);
        if (!response.IsSuccess)
        {
            throw StartError(PurseCommand.StartTo, response.StatusWord, amount);
        }
        return ProtectedMessage.Parse(MessageType.Req, response.Data.Span);
    }

    /// <summary>REQ (payer, in epr): the payee's req; the payer is debited and returns its val.</summary>
    /// <exception cref="WrongStateException">Not in epr, or the payment details differ (nothing changed).</exception>
    /// <exception cref="SignatureInvalidException">The req is not signed by the payee (nothing changed).</exception>
    public ProtectedMessage Req(ProtectedMessage req)
    {
        ArgumentNullException.ThrowIfNull(req);
        ResponseApdu response = Send(PurseCommand.Req, PurseCommands.Req(req));
        return ProtectedMessage.Parse(MessageType.Val, response.Data.Span);
    }

    /// <summary>VAL (payee, in epv): the payer's val; the payee is credited and returns its ack.</summary>
    public ProtectedMessage Val(ProtectedMessage val)
    {
        ArgumentNullException.ThrowIfNull(val);
        ResponseApdu response = Send(PurseCommand.Val, PurseCommands.Val(val));
        return ProtectedMessage.Parse(MessageType.Ack, response.Data.Span);
    }

    /// <summary>ACK (payer, in epa): the payee's ack; the payer logs the transfer as sent and is idle again.</summary>
    public void Ack(ProtectedMessage ack)
    {
        ArgumentNullException.ThrowIfNull(ack);
        Send(PurseCommand.Ack, PurseCommands.Ack(ack));
    }

    /// <summary>
    /// RESUME: the last protected message this purse sent (req, val or ack) for re-sending after an interruption, or
    /// null when its pending log is empty. Changes nothing.
    /// </summary>
    public ProtectedMessage? Resume()
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.Resume());
        if (response.StatusWord == StatusWord.ReferencedDataNotFound)
        {
            return null;
        }
        if (!response.IsSuccess)
        {
            throw Error(PurseCommand.Resume, response.StatusWord);
        }
        return ProtectedMessage.ParseResume(response.Data.Span);
    }

    /// <summary>
    /// ABORT: ends any transfer in progress. In epv or epa the transfer goes to the exception log (value may be lost
    /// and is accounted there); in epr nothing was debited and nothing is logged.
    /// </summary>
    public void Abort() => Send(PurseCommand.Abort, PurseCommands.Abort());

    // ---- Issuer-authorised commands (spec 7) -----------------------------------------------------------------

    /// <summary>
    /// Sends any signed issuer command. The authorisation must name this purse and its current issuer counter
    /// (<see cref="PurseStatus.IssuerCounter"/>); each accepted one moves the counter on by one.
    /// </summary>
    public void Execute(SignedIssuerAuthorisation authorisation)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        PurseCommand command = PurseErrors.CommandOf(authorisation.Authorisation.Type);
        ResponseApdu response = Transmitter.Transmit(authorisation.ToCommand());
        if (!response.IsSuccess)
        {
            throw IssuerCommandError(command, response.StatusWord, authorisation.Authorisation);
        }
    }

    /// <summary>
    /// MINT: reads the purse's ID and issuer counter, has <paramref name="issuer"/> sign the mint of
    /// <paramref name="amount"/>, sends it and reads the new balance. Only bank purses accept it (9405 otherwise:
    /// <see cref="ClassesMayNotTransferException"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">More than a card holds: nothing is signed or sent.</exception>
    public MintReceipt Mint(IIssuerSigner issuer, Money amount)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        uint value = amount.ToCardValue(allowZero: true);
        PurseStatus status = GetStatus();
        PurseId purse = RequirePurseId(status);
        var authorisation = IssuerAuthorisation.Mint(purse, status.IssuerCounter, amount.Currency, value);
        Execute(SignedIssuerAuthorisation.Create(authorisation, issuer));
        uint balance = GetBalances().First(b => b.Currency == amount.Currency).Balance;
        return new MintReceipt(purse, amount.Currency, value, status.IssuerCounter, balance);
    }

    /// <summary>
    /// CLEAR EXCEPTION LOG: reads the log (which aborts a transfer in progress, see <see cref="ReadExceptionLog"/>),
    /// has the issuer sign the digest of exactly those records, and clears them. Returns the records cleared: the
    /// caller must have them safely recorded (they are the bank's evidence) before calling this.
    /// </summary>
    public IReadOnlyList<ExceptionLogEntry> ClearExceptionLog(IIssuerSigner issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        IReadOnlyList<ExceptionLogEntry> records = ReadExceptionLog();
        PurseStatus status = GetStatus();
        byte[] digest = ExceptionRecord.LogDigest(records.Select(r => r.Record));
        Execute(SignedIssuerAuthorisation.Create(
            IssuerAuthorisation.ClearExceptionLog(RequirePurseId(status), status.IssuerCounter, digest), issuer));
        return records;
    }

    /// <summary>DEACTIVATE: ISSUED → BLOCKED (aborts a transfer in progress first).</summary>
    public void Deactivate(IIssuerSigner issuer) => ExecuteSimple(issuer, IssuerAuthorisation.Deactivate);

    /// <summary>ACTIVATE with the issuer's authorisation: BLOCKED → ISSUED.</summary>
    public void Activate(IIssuerSigner issuer) => ExecuteSimple(issuer, IssuerAuthorisation.Activate);

    /// <summary>TERMINATE: final; only with zero balances, an empty exception log and no transfer in progress.</summary>
    public void Terminate(IIssuerSigner issuer) => ExecuteSimple(issuer, IssuerAuthorisation.Terminate);

    /// <summary>RESET LOCK CODE: sets <paramref name="newCode"/> and restores the tries; the locked flag stays.</summary>
    public void ResetLockCode(IIssuerSigner issuer, string newCode)
    {
        string code = CheckCode(newCode);
        ExecuteSimple(issuer, (purse, counter) => IssuerAuthorisation.ResetLockCode(purse, counter, code));
    }

    // ---- Personalisation (spec 5.4 - 5.6) -------------------------------------------------------------------

    /// <summary>GENERATE KEY PAIR (personalisation): the card makes its key pair and returns the public key.</summary>
    public byte[] GenerateKeyPair() =>
        PurseResponses.ParsePublicKey(Send(PurseCommand.GenerateKeyPair, PurseCommands.GenerateKeyPair()).Data.Span);

    /// <summary>PUT DATA 01 (personalisation): the issuer's self-signed certificate, the purse's trust anchor.</summary>
    public void PutIssuerCertificate(PurseCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Send(PurseCommand.PutData, PurseCommands.PutIssuerCertificate(certificate.Encoded));
    }

    /// <summary>PUT DATA 02 (personalisation): the purse's certificate, for the key <see cref="GenerateKeyPair"/> made.</summary>
    public void PutPurseCertificate(PurseCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Send(PurseCommand.PutData, PurseCommands.PutPurseCertificate(certificate.Encoded));
    }

    /// <summary>PUT DATA 03 (personalisation): one pocket's limits.</summary>
    public void PutPocketLimits(PocketLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Send(PurseCommand.PutData, PurseCommands.PutPocketLimits(limits.Currency, limits.MaximumBalance,
            limits.TransactionLimit, limits.ContactlessLimit));
    }

    /// <summary>PUT DATA 04 (personalisation): the lock code and its number of tries (1 to 15).</summary>
    public void PutLockCode(string code, int tries)
    {
        if (tries is < PurseConstants.MinLockCodeTries or > PurseConstants.MaxLockCodeTries)
        {
            throw new ArgumentOutOfRangeException(nameof(tries), tries,
                $"lock-code tries are {PurseConstants.MinLockCodeTries} to {PurseConstants.MaxLockCodeTries}");
        }
        Send(PurseCommand.PutData, PurseCommands.PutLockCode(CheckCode(code), tries));
    }

    /// <summary>ACTIVATE without data: ends personalisation (PERSONALISATION → ISSUED).</summary>
    public void Activate() => Send(PurseCommand.Activate, PurseCommands.Activate());

    // ---- Plumbing -------------------------------------------------------------------------------------------

    private void ExecuteSimple(IIssuerSigner issuer, Func<PurseId, uint, IssuerAuthorisation> build)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        PurseStatus status = GetStatus();
        Execute(SignedIssuerAuthorisation.Create(build(RequirePurseId(status), status.IssuerCounter), issuer));
    }

    private PurseId RequirePurseId(PurseStatus status) => status.PurseId
        ?? throw new DataNotLoadedException(PurseCommand.GetData, StatusWord.ReferencedDataNotFound,
            $"{Name} has no purse ID yet: it is not personalised");

    private byte[] GetData(PurseDataObject dataObject) =>
        Send(PurseCommand.GetData, PurseCommands.GetData(dataObject)).Data.ToArray();

    /// <summary>One record, or null past the last one (6A83).</summary>
    private byte[]? ReadLogRecord(PurseLogKind log, byte index)
    {
        ResponseApdu response = Transmitter.Transmit(PurseCommands.ReadLog(log, index));
        if (response.StatusWord == StatusWord.RecordNotFound)
        {
            return null;
        }
        if (!response.IsSuccess)
        {
            throw Error(PurseCommand.ReadLog, response.StatusWord);
        }
        return response.Data.ToArray();
    }

    private ResponseApdu Send(PurseCommand command, CommandApdu apdu)
    {
        ResponseApdu response = Transmitter.Transmit(apdu);
        return response.IsSuccess ? response : throw Error(command, response.StatusWord);
    }

    private PurseException Error(PurseCommand command, StatusWord statusWord) => PurseErrors.Map(command, statusWord, Name);

    /// <summary>The START errors, with what the host can add by reading the purse (GET DATA changes nothing).</summary>
    private PurseException StartError(PurseCommand command, StatusWord statusWord, Money value)
    {
        PurseException plain = Error(command, statusWord);
        try
        {
            switch (plain)
            {
                case InsufficientFundsException when BalanceOf(value.Currency) is uint balance:
                    var available = new Money(value.Currency, balance);
                    return new InsufficientFundsException(command, statusWord,
                        $"{Name} has {available}; the payment needs {value}")
                    { Available = available, Required = value };
                case TransactionLimitException when LimitsOf(value.Currency) is PocketLimits limits:
                    var limit = new Money(value.Currency, limits.TransactionLimit);
                    return new TransactionLimitException(command, statusWord,
                        $"{value} is above {Name}'s transaction limit of {limit}")
                    { Limit = limit };
                case BalanceLimitException when BalanceOf(value.Currency) is uint held && LimitsOf(value.Currency) is PocketLimits max:
                    var balanceNow = new Money(value.Currency, held);
                    var maximum = new Money(value.Currency, max.MaximumBalance);
                    return new BalanceLimitException(command, statusWord,
                        $"{Name} holds {balanceNow} of at most {maximum}; {value} more would exceed it")
                    { Balance = balanceNow, Maximum = maximum };
                case LockCodeRequiredException when (GetStatus().Flags & PurseFlags.Locked) != 0:
                    return new PurseLockedException(command, statusWord,
                        $"{Name} is locked: it can receive but not pay until it is unlocked with its lock code");
                case LockCodeRequiredException:
                    return new LockCodeRequiredException(command, statusWord,
                        $"{Name} needs its lock code for a contactless payment of {value}, above its contactless limit" +
                        (LimitsOf(value.Currency) is PocketLimits cl ? $" of {new Money(value.Currency, cl.ContactlessLimit)}" : string.Empty));
                case CurrencyNotHeldException:
                    return new CurrencyNotHeldException(command, statusWord,
                        $"{value.Currency} is not held by {Name} or by the counterparty");
                default:
                    return plain;
            }
        }
        catch (SmartCardException)
        {
            // Reading more failed (the card left, say): the card's own answer is still the error to report.
            return plain;
        }
    }

    private PurseException IssuerCommandError(PurseCommand command, StatusWord statusWord, IssuerAuthorisation authorisation)
    {
        PurseException plain = Error(command, statusWord);
        try
        {
            switch (plain)
            {
                case ClassesMayNotTransferException when command == PurseCommand.Mint && GetStatus().PurseClass is PurseClass cls:
                    return new ClassesMayNotTransferException(command, statusWord,
                        $"{Name} is a {ClassName(cls)} purse: value is minted into bank purses only");
                case CurrencyNotHeldException when command == PurseCommand.Mint:
                    string held = string.Join(", ", GetBalances().Select(b => b.Currency.ToString()));
                    return new CurrencyNotHeldException(command, statusWord,
                        $"{Name} holds no {CurrencyInParameters(authorisation)} pocket; its currencies are {held}");
                case SignatureInvalidException when GetStatus().IssuerId is IssuerId cardIssuer:
                    return new SignatureInvalidException(command, statusWord,
                        $"{Name} refused the issuer's signature on {PurseErrors.CommandName(command)}: " +
                        $"the purse belongs to issuer {cardIssuer}" +
                        (authorisation.Purse == GetStatus().PurseId ? string.Empty : $", and the authorisation names purse {authorisation.Purse}"));
                default:
                    return plain;
            }
        }
        catch (SmartCardException)
        {
            return plain;
        }
    }

    private static string CurrencyInParameters(IssuerAuthorisation authorisation)
    {
        var reader = new StrictTlvReader(authorisation.Parameters);
        return CurrencyCode.Read(reader.Read(PurseTag.Currency, CurrencyCode.Length)).ToString();
    }

    internal static string ClassName(PurseClass purseClass) => purseClass switch
    {
        PurseClass.Customer => "customer",
        PurseClass.Merchant => "merchant",
        PurseClass.Bank => "bank",
        PurseClass.Issuer => "issuer",
        _ => $"class {(byte)purseClass:X2}",
    };

    private uint? BalanceOf(CurrencyCode currency) => GetBalances().FirstOrDefault(b => b.Currency == currency)?.Balance;

    private PocketLimits? LimitsOf(CurrencyCode currency) => GetLimits().FirstOrDefault(l => l.Currency == currency);

    private static T? TryRead<T>(Func<T> read) where T : class
    {
        try
        {
            return read();
        }
        catch (DataNotLoadedException)
        {
            return null;
        }
    }

    /// <summary>Checked here, before anything is sent, so that a malformed code costs no try and never reaches a trace.</summary>
    private static string CheckCode(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (!LockCode.IsValid(System.Text.Encoding.ASCII.GetBytes(code)) || code.Any(c => !char.IsAsciiDigit(c)))
        {
            throw new FormatException(
                $"a lock code is {PurseConstants.MinLockCodeLength} to {PurseConstants.MaxLockCodeLength} digits");
        }
        return code;
    }
}
