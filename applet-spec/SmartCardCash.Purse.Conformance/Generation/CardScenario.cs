using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// What the card scenarios share: the card's model, and steps that send a command, expect what the spec says and
/// update the model the way the spec says. Refusals are written out where they happen.
/// </summary>
internal abstract class CardScenario
{
    protected static readonly TestIssuer Issuer = TestIssuer.Default;
    protected static readonly CurrencyCode Eur = Currency.Eur.Code;
    protected static readonly CurrencyCode Gbp = Currency.Gbp.Code;
    protected static readonly CurrencyCode Usd = Currency.Usd.Code;
    protected static readonly CurrencyCode Jpy = Currency.Jpy.Code;

    /// <summary>The validity of every conformance card's own certificate.</summary>
    protected static readonly BcdDate Effective = BcdDate.FromDate(2025, 6, 1);
    protected static readonly BcdDate Expiry = BcdDate.FromDate(2030, 12, 31);

    protected const string PurseCertificate = "purseCertificate";
    protected const string CardKey = "{" + Part.CardPublicKey + "}";

    /// <summary>
    /// The card <paramref name="name"/> (its reference seed "SmartCardCash conformance card <paramref name="name"/>"),
    /// issued by the default test issuer; its own certificate is the first value the script derives.
    /// </summary>
    protected CardScenario(string name, string[] description, PurseId id, PurseClass purseClass, params CurrencyCode[] currencies)
    {
        Script = new CardScriptBuilder(name, "SmartCardCash conformance card " + name, description);
        Card = new CardModel(id, purseClass, Issuer.Id, currencies);
        DeriveCardCertificate(PurseCertificate, Issuer.Id, "issuer");
    }

    protected CardScriptBuilder Script { get; }

    protected CardModel Card { get; }

    protected VectorBuilder Vector(string id, string command, string spec, string title) => Script.Vector(id, command, spec, title);

    /// <summary>
    /// A certificate body for the card's own key, as a template: the 65 key bytes are <c>{cardPublicKey}</c>.
    /// </summary>
    protected static string BodyTemplate(IssuerId issuer, PurseId holder, PurseClass purseClass, CurrencyCode[] currencies,
        BcdDate effective, BcdDate expiry)
    {
        ReadOnlySpan<byte> placeholder = ConformanceKeys.Stranger.PublicKey;
        string body = Hex.Encode(CertificateBody.ForPurse(issuer, holder, purseClass, currencies, effective, expiry, placeholder).Encode());
        return body.Replace(Hex.Encode(placeholder), CardKey, StringComparison.Ordinal);
    }

    /// <summary>
    /// Derives a certificate for the card's own key, its identity and currencies, valid <see cref="Effective"/> to
    /// <see cref="Expiry"/>, named <paramref name="name"/> and signed by <paramref name="signer"/>.
    /// </summary>
    protected void DeriveCardCertificate(string name, IssuerId issuer, string signer) =>
        Script.Derive(new DerivedValue(name, DerivedValue.CertificateKind,
            BodyTemplate(issuer, Card.Id, Card.Class, Card.Currencies, Effective, Expiry), signer));

    protected static string Template(string name) => "{" + name + "}";

    // ---- personalisation

    /// <summary>GENERATE KEY PAIR (5.4): the runner captures the card's public key.</summary>
    protected static void GenerateKeyPair(VectorBuilder v) =>
        v.Send(PurseCommands.GenerateKeyPair()).ExpectOk(Part.Bytes("7F494386 41"), Part.CapturePublicKey(Part.CardPublicKey));

    /// <summary>PUT DATA 02 (5.5) with the card's own certificate: loaded, the trusted date moves to its effective date.</summary>
    protected void PutPurseCertificate(VectorBuilder v)
    {
        v.Send("80DA0002", Template(PurseCertificate), false).ExpectOk();
        Card.PurseCertificateLoaded = true;
        Card.TrustedDate = Effective;
    }

    protected static void PutPocketLimits(VectorBuilder v, PocketLimits limits) =>
        v.Send(PurseCommands.PutPocketLimits(limits.Currency, limits.MaximumBalance, limits.TransactionLimit, limits.ContactlessLimit)).ExpectOk();

    protected void PutLockCode(VectorBuilder v, string code, int tries)
    {
        v.Send(PurseCommands.PutLockCode(code, tries)).ExpectOk();
        Card.TriesLimit = Card.TriesRemaining = tries;
        Card.LockCode = code;
    }

    /// <summary>ACTIVATE (5.6) from PERSONALISATION: ISSUED, nextSeq 1.</summary>
    protected void Activate(VectorBuilder v)
    {
        v.Send(PurseCommands.Activate()).ExpectOk();
        Card.Lifecycle = PurseLifecycle.Issued;
        Card.NextSeq = 1;
    }

    // ---- reading

    protected void Select(VectorBuilder v, ushort sw = 0x9000)
    {
        Card.NewSession();
        v.Send(PurseCommands.Select()).Expect(sw, Part.Bytes(Expected.Fci(Card)));
    }

    protected void Status(VectorBuilder v) =>
        v.Send(PurseCommands.GetData(PurseDataObject.Status)).ExpectOk(Part.Bytes(Expected.Status(Card)));

    protected void Balances(VectorBuilder v) =>
        v.Send(PurseCommands.GetData(PurseDataObject.Balances)).ExpectOk(Part.Bytes(Expected.Balances(Card)));

    protected void Pending(VectorBuilder v) =>
        v.Send(PurseCommands.GetData(PurseDataObject.PendingTransfer)).ExpectOk(Part.Bytes(Expected.Pending(Card)));

    protected void Resume(VectorBuilder v) => v.Send(PurseCommands.Resume()).ExpectOk(Expected.Resume(Card));

    protected void ReadTransaction(VectorBuilder v, int index) =>
        v.Send(PurseCommands.ReadLog(PurseLogKind.Transactions, (byte)index)).ExpectOk(Part.Bytes(Expected.TransactionLogEntry(Card, index)));

    /// <summary>READ LOG of the exception log: aborts first (spec 5.15), then the record.</summary>
    protected void ReadException(VectorBuilder v, int index)
    {
        Card.Abort();
        v.Send(PurseCommands.ReadLog(PurseLogKind.Exceptions, (byte)index)).ExpectOk(Expected.ExceptionLogEntry(Card, index));
    }

    /// <summary>
    /// VERIFY LOCK CODE with the right code, on both interfaces, so that a START FROM above the contactless limit that
    /// follows behaves the same over contacts and contactless (spec 6.3).
    /// </summary>
    protected void VerifyLockCode(VectorBuilder v)
    {
        v.Send(PurseCommands.VerifyLockCode(Card.LockCode)).Note("so that the contactless limit (6.3) does not apply to what follows").ExpectOk();
        Card.TriesRemaining = Card.TriesLimit;
        Card.LockCodeVerified = true;
    }

    // ---- the protocol, success paths

    protected void Verify(VectorBuilder v, SimulatedPurse peer)
    {
        v.Send(PurseCommands.VerifyCertificate(peer.Certificate.Encoded)).ExpectOk();
        if (peer.Certificate.Body.Effective > Card.TrustedDate)
        {
            Card.TrustedDate = peer.Certificate.Body.Effective;
        }
    }

    /// <summary>START FROM (5.8): abort, PD with this purse paying, nextSeq++, epr, pending emptied.</summary>
    protected PaymentDetails StartFrom(VectorBuilder v, SimulatedPurse payee, CurrencyCode currency, uint value, uint toSeq,
        byte[]? orderDigest = null)
    {
        Card.Abort();
        var pd = new PaymentDetails(Card.Id, payee.Id, currency, value, Card.NextSeq, toSeq, orderDigest);
        v.Send(PurseCommands.StartFrom(payee.Id, currency, value, toSeq, orderDigest)).ExpectOk(Part.Bytes(pd.ToTlv()));
        Card.NextSeq++;
        Card.State = TransferState.ExpectingReq;
        Card.PdAuth = pd;
        Card.Pending = null;
        return pd;
    }

    /// <summary>START TO (5.9): abort, PD with this purse paid, nextSeq++, epv, the signed req kept as pending.</summary>
    protected PaymentDetails StartTo(VectorBuilder v, SimulatedPurse payer, CurrencyCode currency, uint value, uint fromSeq)
    {
        Card.Abort();
        var pd = new PaymentDetails(payer.Id, Card.Id, currency, value, fromSeq, Card.NextSeq);
        string capture = Card.NextCapture(MessageType.Req);
        v.Send(PurseCommands.StartTo(payer.Id, currency, value, fromSeq))
            .ExpectOk(Part.Bytes(pd.ToTlv()), Part.CardSignature(SignedMessages.Req(pd), capture));
        Card.NextSeq++;
        Card.State = TransferState.ExpectingVal;
        Card.PdAuth = pd;
        Card.Pending = (MessageType.Req, pd, capture);
        return pd;
    }

    /// <summary>REQ (5.10) with the payee's req: debit, epa, the signed val kept as pending.</summary>
    protected void Req(VectorBuilder v, SimulatedPurse payee, PaymentDetails pd)
    {
        string capture = Card.NextCapture(MessageType.Val);
        v.Send(PurseCommands.Req(payee.Sign(MessageType.Req, pd))).ExpectOk(Part.Bytes(pd.ToTlv()), Part.CardSignature(SignedMessages.Val(pd), capture));
        Card.Balances[pd.Currency] -= pd.Value;
        Card.State = TransferState.ExpectingAck;
        Card.Pending = (MessageType.Val, pd, capture);
    }

    /// <summary>VAL (5.11) with the payer's val: credit, idle, logged, the signed ack kept as pending.</summary>
    protected void Val(VectorBuilder v, SimulatedPurse payer, PaymentDetails pd)
    {
        string capture = Card.NextCapture(MessageType.Ack);
        v.Send(PurseCommands.Val(payer.Sign(MessageType.Val, pd))).ExpectOk(Part.Bytes(pd.ToTlv()), Part.CardSignature(SignedMessages.Ack(pd), capture));
        Card.Balances[pd.Currency] += pd.Value;
        Card.State = TransferState.Idle;
        Card.Pending = (MessageType.Ack, pd, capture);
        Card.TransactionLog.Add(new TransactionRecord(TransactionRecordType.Received, pd, Card.Balances[pd.Currency]));
    }

    /// <summary>ACK (5.12) with the payee's ack: idle, logged.</summary>
    protected void Ack(VectorBuilder v, SimulatedPurse payee, PaymentDetails pd)
    {
        v.Send(PurseCommands.Ack(payee.Sign(MessageType.Ack, pd))).ExpectOk();
        Card.State = TransferState.Idle;
        Card.TransactionLog.Add(new TransactionRecord(TransactionRecordType.Sent, pd, Card.Balances[pd.Currency]));
    }

    protected void Abort(VectorBuilder v)
    {
        v.Send(PurseCommands.Abort()).ExpectOk();
        Card.Abort();
    }

    /// <summary>A complete transfer into the card.</summary>
    protected PaymentDetails Receive(VectorBuilder v, SimulatedPurse payer, CurrencyCode currency, uint value, uint fromSeq)
    {
        PaymentDetails pd = StartTo(v, payer, currency, value, fromSeq);
        Val(v, payer, pd);
        return pd;
    }

    /// <summary>A complete transfer out of the card.</summary>
    protected PaymentDetails Pay(VectorBuilder v, SimulatedPurse payee, CurrencyCode currency, uint value, uint toSeq)
    {
        PaymentDetails pd = StartFrom(v, payee, currency, value, toSeq);
        Req(v, payee, pd);
        Ack(v, payee, pd);
        return pd;
    }

    /// <summary>A START refused after its abort (4.3): the abort stands.</summary>
    protected void StartRefused(VectorBuilder v, CommandApdu start, ushort sw)
    {
        Card.Abort();
        v.Send(start).Expect(sw);
    }

    // ---- issuer

    protected CommandApdu Authorised(IssuerAuthorisation authorisation) => Issuer.Authorise(authorisation);

    /// <summary>A successful issuer command: abort, effect (by the caller), counter + 1.</summary>
    protected void IssuerOk(VectorBuilder v, IssuerAuthorisation authorisation)
    {
        v.Send(Authorised(authorisation)).ExpectOk();
        Card.Abort();
        Card.IssuerCounter++;
    }

    protected byte[] ExceptionLogDigest() => ExceptionRecord.LogDigest(Card.ExceptionLog);

    /// <summary>Changes one byte of a signature's s so that it no longer verifies (r stays a valid integer).</summary>
    protected static ProtectedMessage Corrupted(ProtectedMessage message)
    {
        byte[] signature = message.Signature.ToArray();
        signature[^1] ^= 0x55;
        return new ProtectedMessage(message.Type, message.Details, signature);
    }
}
