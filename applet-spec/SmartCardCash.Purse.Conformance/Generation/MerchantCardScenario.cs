using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;
using SmartCardCash.Purse.Spec;
using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// Card "merchant": a merchant purse (EUR, GBP, USD) taken from a fresh install through personalisation, every command
/// and status word, aborts, resumes, replays, the lock code, the issuer commands, expiry and termination.
/// </summary>
internal sealed class MerchantCardScenario : CardScenario
{
    public static readonly PurseId CardId = PurseId.Parse("5CC0010000000001");
    private static readonly BcdDate Effective = BcdDate.FromDate(2025, 6, 1);
    private static readonly BcdDate Expiry = BcdDate.FromDate(2030, 12, 31);
    private static readonly PocketLimits EurLimits = new(Currency.Eur.Code, 500_000, 100_000, 2_000);
    private static readonly PocketLimits GbpLimits = new(Currency.Gbp.Code, 200_000, 50_000, 1_000);
    private static readonly PocketLimits UsdLimits = new(Currency.Usd.Code, 20_000, 20_000, 500);
    private const string LockCode = "2468";

    private const string ForeignPurseCertificate = "foreignPurseCertificate";
    private const string ForgedPurseCertificate = "forgedPurseCertificate";

    private MerchantCardScenario() : base(
        new CardScriptBuilder("merchant", "SmartCardCash conformance card merchant",
            "A merchant purse, ID 5CC0010000000001, currencies EUR GBP USD, certificate 2025-06-01 to 2030-12-31, lock code 2468 (3 tries).",
            "Starts from a freshly installed purse (PERSONALISATION) and ends TERMINATED."),
        new CardModel(CardId, PurseClass.Merchant, TestIssuer.Default.Id, Currency.Eur.Code, Currency.Gbp.Code, Currency.Usd.Code))
    {
        CurrencyCode[] currencies = [Eur, Gbp, Usd];
        Script.Derive(new DerivedValue(PurseCertificate, DerivedValue.CertificateKind,
            BodyTemplate(Issuer.Id, CardId, PurseClass.Merchant, currencies, Effective, Expiry), "issuer"));
        Script.Derive(new DerivedValue(ForeignPurseCertificate, DerivedValue.CertificateKind,
            BodyTemplate(TestIssuer.Foreign.Id, CardId, PurseClass.Merchant, currencies, Effective, Expiry), "foreign-issuer"));
        Script.Derive(new DerivedValue(ForgedPurseCertificate, DerivedValue.CertificateKind,
            BodyTemplate(Issuer.Id, CardId, PurseClass.Merchant, currencies, Effective, Expiry), "stranger"));
    }

    public static VectorCard Build()
    {
        var scenario = new MerchantCardScenario();
        scenario.Personalisation();
        scenario.CommonChecks();
        scenario.Certificates();
        scenario.Receiving();
        scenario.Paying();
        scenario.Aborts();
        scenario.Resumes();
        scenario.Logs();
        scenario.LockCodeCommands();
        scenario.Contactless();
        scenario.IssuerAuthorisations();
        scenario.ExceptionLogFull();
        scenario.Blocked();
        scenario.EndOfLife();
        return scenario.Script.Build();
    }

    private void Personalisation()
    {
        VectorBuilder v = Vector("select-fresh-purse", "SELECT", "5.1, 1.3", "A fresh purse answers SELECT with the FCI of PERSONALISATION: no purse ID, no class, nextSeq 0.");
        Select(v);

        v = Vector("status-in-personalisation", "GET DATA", "5.3", "GET DATA of status and pending transfer before personalisation.");
        Status(v);
        Pending(v);

        v = Vector("objects-not-loaded", "GET DATA", "5.3", "Balances, certificates and limits are not loaded yet: 6A88.");
        foreach (PurseDataObject notLoaded in new[] { PurseDataObject.Balances, PurseDataObject.PurseCertificate, PurseDataObject.IssuerCertificate, PurseDataObject.PocketLimits })
        {
            v.Send(PurseCommands.GetData(notLoaded)).Expect(0x6A88);
        }

        v = Vector("refused-in-personalisation", "common checks", "1.3, 5.0", "Only personalisation commands work in PERSONALISATION: 6985.");
        foreach (CommandApdu command in new[]
                 {
                     PurseCommands.StartFrom(Customer1.Id, Eur, 1, 1), PurseCommands.Abort(), PurseCommands.Resume(),
                     PurseCommands.ReadLog(PurseLogKind.Transactions, 0), PurseCommands.VerifyCertificate(Customer1.Certificate.Encoded),
                     PurseCommands.VerifyLockCode(LockCode), PurseCommands.ChangeLockCode(LockCode, "1111"), PurseCommands.Lock(LockCode),
                     Authorised(IssuerAuthorisation.Mint(CardId, 0, Eur, 1)),
                 })
        {
            v.Send(command).Expect(0x6985);
        }

        v = Vector("purse-certificate-needs-issuer-certificate", "PUT DATA", "5.5", "PUT DATA 02 before the issuer certificate: 6985.");
        v.Send(PurseCommands.PutPurseCertificate(Customer1.Certificate.Encoded)).Expect(0x6985);

        v = Vector("issuer-certificate-refused", "PUT DATA", "5.5, 3.3", "Malformed, wrong class, bad self-signature, wrong holder: 6A80.");
        v.Send(PurseCommands.PutIssuerCertificate(Hex.Decode("7F2103AABBCC"))).Note("not a certificate").Expect(0x6A80);
        v.Send(PurseCommands.PutIssuerCertificate(Customer1.Certificate.Encoded)).Note("a purse certificate").Expect(0x6A80);
        PurseCertificate badSelfSignature = Spec.PurseCertificate.Assemble(Issuer.Certificate.BodyEncoding,
            P256.Shared.Sign(ConformanceKeys.Stranger.PrivateKey, Issuer.Certificate.SignedBytes));
        v.Send(PurseCommands.PutIssuerCertificate(badSelfSignature.Encoded)).Note("self-signature by another key").Expect(0x6A80);
        var wrongHolder = new CertificateBody(1, Issuer.Id, CardId, PurseClass.Issuer, [], BcdDate.FromDate(2025, 1, 1),
            BcdDate.FromDate(2035, 12, 31), Issuer.Key.PublicKey);
        v.Send(PurseCommands.PutIssuerCertificate(Issuer.SignBody(wrongHolder).Encoded)).Note("holder is not 00000000 ‖ issuer ID").Expect(0x6A80);
        Status(v);

        v = Vector("issuer-certificate", "PUT DATA", "5.5, 3.3", "The issuer certificate is stored and moves the trusted date to its effective date.");
        v.Send(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded)).ExpectOk();
        Card.TrustedDate = Issuer.Certificate.Body.Effective;
        v.Send(PurseCommands.GetData(PurseDataObject.IssuerCertificate)).ExpectOk(Part.Bytes(Issuer.Certificate.Encoded));
        Status(v);

        v = Vector("purse-certificate-needs-key-pair", "PUT DATA", "5.5", "PUT DATA 02 before GENERATE KEY PAIR: 6985.");
        v.Send(PurseCommands.PutPurseCertificate(Customer1.Certificate.Encoded)).Expect(0x6985);

        v = Vector("generate-key-pair", "GENERATE KEY PAIR", "5.4", "The card generates its key pair; the runner captures the public key.");
        v.Send(PurseCommands.GenerateKeyPair()).ExpectOk(Part.Bytes("7F494386 41"), Part.CapturePublicKey(Part.CardPublicKey));

        v = Vector("generate-key-pair-with-data", "GENERATE KEY PAIR", "5.4", "GENERATE KEY PAIR with data: 6700.");
        v.Send(new CommandApdu(0x80, PurseInstruction.GenerateKeyPair, 0, 0, [0x00], 256)).Expect(0x6700);

        v = Vector("purse-certificate-refused", "PUT DATA", "5.5, 3.3", "Malformed, another key, another issuer, the issuer's own, forged: 6A80 and 6982.");
        v.Send(PurseCommands.PutPurseCertificate(Hex.Decode("7F21027F4E"))).Note("malformed").Expect(0x6A80);
        v.Send(PurseCommands.PutPurseCertificate(Customer1.Certificate.Encoded)).Note("certifies another key").Expect(0x6A80);
        v.Send("80DA0002", Template(ForeignPurseCertificate), false).Note("issued by a foreign issuer").Expect(0x6A80);
        v.Send(PurseCommands.PutPurseCertificate(Issuer.Certificate.Encoded)).Note("class 7F").Expect(0x6A80);
        v.Send("80DA0002", Template(ForgedPurseCertificate), false).Note("names the issuer, signed by a stranger").Expect(0x6982);

        v = Vector("purse-certificate", "PUT DATA", "5.5", "The purse certificate sets purse ID and class, creates empty pockets and moves the trusted date.");
        v.Send("80DA0002", Template(PurseCertificate), false).ExpectOk();
        Card.PurseCertificateLoaded = true;
        Card.TrustedDate = Effective;
        v.Send(PurseCommands.GetData(PurseDataObject.PurseCertificate)).ExpectOk(Part.Template(Template(PurseCertificate)));
        Balances(v);
        Status(v);
        Select(v);

        v = Vector("generate-key-pair-again", "GENERATE KEY PAIR", "5.4", "A new key pair forgets the purse certificate, which must be issued again.");
        v.Send(PurseCommands.GenerateKeyPair()).ExpectOk(Part.Bytes("7F494386 41"), Part.CapturePublicKey(Part.CardPublicKey));
        Card.PurseCertificateLoaded = false;
        v.Send(PurseCommands.GetData(PurseDataObject.PurseCertificate)).Expect(0x6A88);
        v.Send(PurseCommands.GetData(PurseDataObject.Balances)).Expect(0x6A88);
        Select(v);
        v.Send("80DA0002", Template(PurseCertificate), false).Note("issued for the new key").ExpectOk();
        Card.PurseCertificateLoaded = true;
        v.Send(PurseCommands.GetData(PurseDataObject.PurseCertificate)).ExpectOk(Part.Template(Template(PurseCertificate)));

        v = Vector("pocket-limits-refused", "PUT DATA", "5.5", "Limits for a currency not held 9404; inconsistent 6A80; malformed 6A80; other P1 P2 6A86.");
        v.Send(PurseCommands.PutPocketLimits(Jpy, 100, 10, 1)).Expect(0x9404);
        v.Send(PurseCommands.PutPocketLimits(Eur, 100, 101, 1)).Note("transaction limit above maximum").Expect(0x6A80);
        v.Send(PurseCommands.PutPocketLimits(Eur, 100, 10, 11)).Note("contactless limit above transaction limit").Expect(0x6A80);
        v.Send(PurseCommands.PutData(PersonalisationObject.PocketLimits, Hex.Decode("A00682020978"))).Expect(0x6A80);
        v.Send(new CommandApdu(0x80, PurseInstruction.PutData, 0x00, 0x05, [0x80, 0x00])).Expect(0x6A86);
        v.Send(new CommandApdu(0x80, PurseInstruction.PutData, 0x01, 0x03, Expected.Pocket(EurLimits))).Expect(0x6A86);

        v = Vector("pocket-limits", "PUT DATA", "5.5, 6.2", "Limits for EUR and GBP.");
        v.Send(PurseCommands.PutPocketLimits(Eur, EurLimits.MaximumBalance, EurLimits.TransactionLimit, EurLimits.ContactlessLimit)).ExpectOk();
        v.Send(PurseCommands.PutPocketLimits(Gbp, GbpLimits.MaximumBalance, GbpLimits.TransactionLimit, GbpLimits.ContactlessLimit)).ExpectOk();

        v = Vector("lock-code-setting-refused", "PUT DATA", "5.5, 6.1", "A code of 3 or 9 digits or with a letter, 0 or 16 tries, tags swapped: 6A80.");
        foreach (string data in new[] { "8A03313233 8B0103", "8A09313233343536373839 8B0103", "8A0431323A34 8B0103", "8A0431323334 8B0100", "8A0431323334 8B0110", "8B0103 8A0431323334" })
        {
            v.Send(PurseCommands.PutData(PersonalisationObject.LockCode, Hex.Decode(data))).Expect(0x6A80);
        }

        v = Vector("lock-code-setting", "PUT DATA", "5.5, 6.1", "Lock code 2468 with 3 tries.");
        v.Send(PurseCommands.PutLockCode(LockCode, 3)).ExpectOk();
        Card.TriesLimit = Card.TriesRemaining = 3;
        Card.LockCode = LockCode;
        Status(v);

        v = Vector("activate-incomplete", "ACTIVATE", "5.6", "USD has no limits yet: 6985. ACTIVATE with data from PERSONALISATION: 6700.");
        v.Send(PurseCommands.Activate()).Expect(0x6985);
        v.Send(new CommandApdu(0x80, PurseInstruction.Activate, 0, 0, [0x89, 0x00])).Expect(0x6700);

        v = Vector("activate", "ACTIVATE", "5.6, 4.5", "With USD limits set, ACTIVATE issues the purse: nextSeq 1, issuer counter 0.");
        v.Send(PurseCommands.PutPocketLimits(Usd, UsdLimits.MaximumBalance, UsdLimits.TransactionLimit, UsdLimits.ContactlessLimit)).ExpectOk();
        v.Send(PurseCommands.GetData(PurseDataObject.PocketLimits))
            .ExpectOk(Part.Bytes([.. Expected.Pocket(EurLimits), .. Expected.Pocket(GbpLimits), .. Expected.Pocket(UsdLimits)]));
        v.Send(PurseCommands.Activate()).ExpectOk();
        Card.Lifecycle = PurseLifecycle.Issued;
        Card.NextSeq = 1;
        Select(v);
        Status(v);

        v = Vector("personalisation-closed", "common checks", "1.3", "After ACTIVATE the personalisation commands are refused: 6985.");
        v.Send(PurseCommands.GenerateKeyPair()).Expect(0x6985);
        v.Send(PurseCommands.PutLockCode("1111", 3)).Expect(0x6985);
        v.Send(PurseCommands.Activate()).Expect(0x6985);
    }

    private void CommonChecks()
    {
        VectorBuilder v = Vector("logical-channels", "common checks", "5.0", "CLA with logical channel bits: 6881.");
        foreach (string apdu in new[] { "81CA000100", "40CA000100", "01CA000100", "C0CA000100" })
        {
            v.SendRaw(apdu).Expect(0x6881);
        }

        v = Vector("secure-messaging", "common checks", "5.0", "CLA with secure messaging bits: 6882.");
        foreach (string apdu in new[] { "84CA000100", "88CA000100", "0CCA000100" })
        {
            v.SendRaw(apdu).Expect(0x6882);
        }

        v = Vector("chaining", "common checks", "5.0", "CLA with the chaining bit: 6884.");
        foreach (string apdu in new[] { "90CA000100", "10CA000100" })
        {
            v.SendRaw(apdu).Expect(0x6884);
        }

        v = Vector("extended-length", "common checks", "1.2, 5.0", "Extended-length APDUs: 6700.");
        v.SendRaw("80CA0001000100").Note("extended Le").Expect(0x6700);
        v.SendRaw("805A0000000001AA").Note("extended Lc").Expect(0x6700);

        v = Vector("class-not-supported", "common checks", "5.0", "CLA other than 80 and 00: 6E00.");
        foreach (string apdu in new[] { "A0CA000100", "20CA000100" })
        {
            v.SendRaw(apdu).Expect(0x6E00);
        }

        v = Vector("instruction-not-supported", "common checks", "5.0", "INS not listed for the CLA: 6D00.");
        foreach (string apdu in new[] { "8000000000", "8060000000", "806A000000", "8090000000", "80A4040000", "00CA000100", "00B2000100" })
        {
            v.SendRaw(apdu).Expect(0x6D00);
        }

        v = Vector("wrong-parameters", "common checks", "5.0", "P1 P2 other than listed: 6A86.");
        foreach (string apdu in new[] { "80CA000700", "80CA010100", "80CA000000", "802A000002AABB", "80B2000300", "805A0100", "805C000100" })
        {
            v.SendRaw(apdu).Expect(0x6A86);
        }

        v = Vector("wrong-length", "common checks", "5.0", "Data where none belongs, none where data is required: 6700.");
        foreach (string apdu in new[] { "805A00000100", "80CA0001010000", "805C0000010000", "80B20001010000", "8050000000", "8054000000", "8040000000" })
        {
            v.SendRaw(apdu).Expect(0x6700);
        }

        v = Vector("lifecycle-before-parameters", "common checks", "5.0", "The lifecycle is checked before P1 P2 and Lc.");
        v.SendRaw("804601020100").Expect(0x6985);

        v = Vector("get-response", "GET RESPONSE", "5.2, 1.2", "Nothing pending 6985, P1 P2 6A86; a response longer than Ne (no Le) is announced 61xx and fetched.");
        v.Send(PurseCommands.GetResponse()).Expect(0x6985);
        v.SendRaw("00C0010000").Expect(0x6A86);
        int statusLength = Expected.Status(Card).Length;
        v.SendRaw("80CA0001").Note("GET DATA status without Le").Expect((ushort)(0x6100 | statusLength));
        v.Send(PurseCommands.GetResponse()).ExpectOk(Part.Bytes(Expected.Status(Card)));

        v = Vector("select-other-application", "SELECT", "5.1", "Another AID 6A82; SELECT of the purse with P2 0C 6A86; then the purse again.");
        v.Send(new CommandApdu(0x00, PurseInstruction.Select, 0x04, 0x00, Hex.Decode("A0000000041010"), 256)).Expect(0x6A82);
        v.Send(new CommandApdu(0x00, PurseInstruction.Select, 0x04, 0x0C, PurseAid.Value, 256)).Expect(0x6A86);
        Select(v);
    }

    private void Certificates()
    {
        VectorBuilder v = Vector("verify-certificate-malformed", "VERIFY CERTIFICATE", "5.7, 3.3",
            "Malformed, class 7F, foreign issuer, trailing byte, repeated currency, effective after expiry: 6A80.");
        v.Send(PurseCommands.VerifyCertificate(Hex.Decode("7F2100"))).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Issuer.Certificate.Encoded)).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Foreign.Certificate.Encoded)).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate([.. Customer1.Certificate.Encoded, 0x00])).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Issuer.SignBody(new CertificateBody(1, Issuer.Id, PurseId.Parse("5CC0020000000009"),
            PurseClass.Customer, [Eur, Eur], BcdDate.FromDate(2025, 1, 1), BcdDate.FromDate(2030, 12, 31), ConformanceKeys.Customer2.PublicKey)).Encoded)).Expect(0x6A80);
        v.Send(PurseCommands.VerifyCertificate(Issuer.SignBody(new CertificateBody(1, Issuer.Id, PurseId.Parse("5CC0020000000009"),
            PurseClass.Customer, [Eur], BcdDate.FromDate(2031, 1, 1), BcdDate.FromDate(2030, 12, 31), ConformanceKeys.Customer2.PublicKey)).Encoded)).Expect(0x6A80);

        v = Vector("verify-certificate-forged", "VERIFY CERTIFICATE", "5.7, 3.3", "Not signed by the issuer, or altered: 6982.");
        v.Send(PurseCommands.VerifyCertificate(Forged.Certificate.Encoded)).Expect(0x6982);
        byte[] altered = Merchant1.Certificate.ToArray();
        altered[^1] ^= 0x55;
        v.Send(PurseCommands.VerifyCertificate(altered)).Expect(0x6982);

        v = Vector("verify-own-certificate", "VERIFY CERTIFICATE", "5.7", "The purse's own certificate: 9408.");
        v.Send("802A00BE", Template(PurseCertificate), false).Expect(0x9408);

        v = Vector("verify-expired-certificate", "VERIFY CERTIFICATE", "5.7, 3.3", "Expired before the trusted date: 9406.");
        v.Send(PurseCommands.VerifyCertificate(Expired.Certificate.Encoded)).Expect(0x9406);

        v = Vector("verify-certificate", "VERIFY CERTIFICATE", "5.7", "A valid counterparty; the trusted date does not move back.");
        Verify(v, Bank1);
        Status(v);
    }

    private void Receiving()
    {
        VectorBuilder v = Vector("start-to-without-peer", "START TO", "5.9", "The payer named is not the verified peer: 6A88.");
        StartRefused(v, PurseCommands.StartTo(Customer2.Id, Eur, 100, 1), 0x6A88);

        v = Vector("start-to-malformed", "START TO", "5.9, 2.2", "Value 0, a tag missing, out of order, unknown, a digest of the wrong length: 6A80.");
        foreach (string data in new[]
                 {
                     "8008 5CC0020000000004 82020978 830400000000 840400000001",
                     "8008 5CC0020000000004 82020978 830400000001",
                     "82020978 8008 5CC0020000000004 830400000001 840400000001",
                     "8008 5CC0020000000004 82020978 830400000001 840400000001 9103250101",
                     "8008 5CC0020000000004 82020978 830400000001 840400000001 8501AA",
                 })
        {
            v.Send(new CommandApdu(0x80, PurseInstruction.StartTo, 0, 0, Hex.Decode(data), 256)).Expect(0x6A80);
        }

        v = Vector("start-to-currency", "START TO", "5.9", "A currency this purse or the payer does not hold: 9404.");
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Jpy, 100, 1), 0x9404);
        Verify(v, Customer1);
        StartRefused(v, PurseCommands.StartTo(Customer1.Id, Usd, 100, 1), 0x9404);
        Verify(v, Bank1);

        v = Vector("start-to-transaction-limit", "START TO", "5.9, 6.2", "Above the pocket's transaction limit: 9403.");
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Eur, 100_001, 1), 0x9403);

        v = Vector("start-to", "START TO", "5.9, 4.2", "A load from the bank: epv, nextSeq + 1, the signed req.");
        PaymentDetails load = StartTo(v, Bank1, Eur, 50_000, 1001);
        Pending(v);
        Status(v);

        v = Vector("resume-req", "RESUME", "5.14, 4.7", "RESUME returns the req byte for byte.");
        Resume(v);

        v = Vector("val-malformed", "VAL", "5.11, 2.3", "No data 6700; PD to itself, value 0, bad presence byte, no signature, signature too long, trailing data: 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Val, 0, 0, default, 256)).Expect(0x6700);
        byte[] goodPd = load.Encode();
        byte[] signature = Bank1.Sign(MessageType.Val, load).Signature.ToArray();
        string sig = "9E" + signature.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + Hex.Encode(signature);
        foreach (string data in new[]
                 {
                     "C03F" + Hex.Encode(new PaymentDetails(CardId, CardId, Eur, 50_000, 1001, 1).Encode()) + sig,
                     "C03F" + Hex.Encode(new PaymentDetails(Bank1.Id, CardId, Eur, 0, 1001, 1).Encode()) + sig,
                     "C03F" + Hex.Encode(goodPd[..30]) + "02" + Hex.Encode(goodPd[31..]) + sig,
                     "C03F" + Hex.Encode(goodPd),
                     "C03F" + Hex.Encode(goodPd) + "9E49" + Hex.Encode(new byte[73]),
                     "C03F" + Hex.Encode(goodPd) + sig + "9000",
                 })
        {
            v.Send(new CommandApdu(0x80, PurseInstruction.Val, 0, 0, Hex.Decode(data), 256)).Expect(0x6A80);
        }

        v = Vector("val-other-pd", "VAL", "5.11, 9", "Validly signed vals for another value, another sequence number, another payee: 6985.");
        foreach (PaymentDetails other in new[]
                 {
                     new PaymentDetails(load.From, load.To, Eur, 50_001, load.FromSeq, load.ToSeq),
                     new PaymentDetails(load.From, load.To, Eur, load.Value, load.FromSeq, load.ToSeq + 1),
                     new PaymentDetails(load.From, Customer2.Id, Eur, load.Value, load.FromSeq, load.ToSeq),
                 })
        {
            v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, other))).Expect(0x6985);
        }

        v = Vector("val-bad-signature", "VAL", "5.11, 9", "Signed by a stranger, by another purse, as a req, or altered: 6982.");
        v.Send(PurseCommands.Val(ProtectedMessage.Create(MessageType.Val, load, ConformanceKeys.Stranger.PrivateKey))).Expect(0x6982);
        v.Send(PurseCommands.Val(Customer1.Sign(MessageType.Val, load))).Expect(0x6982);
        v.Send(PurseCommands.Val(new ProtectedMessage(MessageType.Val, load, Bank1.Sign(MessageType.Req, load).Signature))).Expect(0x6982);
        v.Send(PurseCommands.Val(Corrupted(Bank1.Sign(MessageType.Val, load)))).Expect(0x6982);
        Pending(v);

        v = Vector("req-in-epv", "REQ", "5.10, 4.3", "REQ while expecting val: 6985.");
        v.Send(PurseCommands.Req(Bank1.Sign(MessageType.Req, load))).Expect(0x6985);

        v = Vector("ack-in-epv", "ACK", "5.12, 4.3", "ACK while expecting val: 6985.");
        v.Send(PurseCommands.Ack(Bank1.Sign(MessageType.Ack, load))).Expect(0x6985);

        v = Vector("val", "VAL", "5.11", "The bank's val: credit, idle, logged as received; answers the signed ack.");
        Val(v, Bank1, load);
        Balances(v);
        Status(v);
        ReadTransaction(v, 0);
        Resume(v);

        v = Vector("val-replayed", "VAL", "9", "The same val again (the payee is idle now): 6985.");
        v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, load))).Expect(0x6985);

        v = Vector("start-to-maximum-balance", "START TO", "5.9, 6.2", "USD filled to its maximum; one more: 9402.");
        Receive(v, Bank1, Usd, 20_000, 1002);
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Usd, 1, 1003), 0x9402);
        Balances(v);
    }

    private void Paying()
    {
        VectorBuilder v = Vector("merchant-to-merchant", "START FROM", "5.8, 6.4", "A merchant may not pay a merchant nor be paid by one: 9405.");
        Verify(v, Merchant1);
        StartRefused(v, PurseCommands.StartFrom(Merchant1.Id, Eur, 10, 1), 0x9405);
        StartRefused(v, PurseCommands.StartTo(Merchant1.Id, Eur, 10, 1), 0x9405);

        v = Vector("start-from-refused", "START FROM", "5.8", "Another peer 6A88; currency 9404; above the transaction limit 9403; above the balance 9401; value 0 6A80.");
        Verify(v, Customer1);
        VerifyLockCode(v);
        StartRefused(v, PurseCommands.StartFrom(Bank1.Id, Eur, 10, 1), 0x6A88);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Usd, 10, 1), 0x9404);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Jpy, 10, 1), 0x9404);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 100_001, 1), 0x9403);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 60_000, 1), 0x9401);
        v.Send(new CommandApdu(0x80, PurseInstruction.StartFrom, 0, 0,
            Hex.Decode("8008 5CC0020000000001 82020978 830400000000 840400000001"), 256)).Expect(0x6A80);

        v = Vector("start-from", "START FROM", "5.8, 4.2", "A refund to a customer, with an order digest: epr, nextSeq + 1, pending log emptied.");
        byte[] order = System.Security.Cryptography.SHA256.HashData("refund of order 1234"u8);
        PaymentDetails refund = StartFrom(v, Customer1, Eur, 1_500, 2001, order);
        Pending(v);
        v.Send(PurseCommands.Resume()).Expect(0x6A88);

        v = Vector("req-malformed", "REQ", "5.10", "No data 6700; PD to itself 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Req, 0, 0, default, 256)).Expect(0x6700);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, CardId, Eur, 1_500, refund.FromSeq, 2001, order)))).Expect(0x6A80);

        v = Vector("req-other-pd", "REQ", "5.10, 9", "Validly signed reqs for another value, sequence number or digest: 6985.");
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, Customer1.Id, Eur, 1_501, refund.FromSeq, 2001, order)))).Expect(0x6985);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, Customer1.Id, Eur, 1_500, refund.FromSeq, 2002, order)))).Expect(0x6985);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, new PaymentDetails(CardId, Customer1.Id, Eur, 1_500, refund.FromSeq, 2001)))).Expect(0x6985);

        v = Vector("req-bad-signature", "REQ", "5.10, 9", "Signed by a stranger, by another customer, as an ack: 6982.");
        v.Send(PurseCommands.Req(ProtectedMessage.Create(MessageType.Req, refund, ConformanceKeys.Stranger.PrivateKey))).Expect(0x6982);
        v.Send(PurseCommands.Req(Customer2.Sign(MessageType.Req, refund))).Expect(0x6982);
        v.Send(PurseCommands.Req(new ProtectedMessage(MessageType.Req, refund, Customer1.Sign(MessageType.Ack, refund).Signature))).Expect(0x6982);

        v = Vector("val-in-epr", "VAL", "5.11, 4.3", "VAL and ACK while expecting req: 6985.");
        v.Send(PurseCommands.Val(Customer1.Sign(MessageType.Val, refund))).Expect(0x6985);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, refund))).Expect(0x6985);
        Pending(v);

        v = Vector("req", "REQ", "5.10", "The customer's req: debit, epa; answers the signed val.");
        Req(v, Customer1, refund);
        Balances(v);
        Status(v);

        v = Vector("req-replayed", "REQ", "9", "The same req again (the payer is in epa now): 6985.");
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, refund))).Expect(0x6985);

        v = Vector("ack-malformed", "ACK", "5.12", "No data 6700; PD to itself 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Ack, 0, 0, default)).Expect(0x6700);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, new PaymentDetails(CardId, CardId, Eur, 1_500, refund.FromSeq, 2001, order)))).Expect(0x6A80);

        v = Vector("ack-refused", "ACK", "5.12, 9", "Another PD 6985; a stranger's signature, a req signature: 6982.");
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, new PaymentDetails(CardId, Customer1.Id, Eur, 1_499, refund.FromSeq, 2001, order)))).Expect(0x6985);
        v.Send(PurseCommands.Ack(ProtectedMessage.Create(MessageType.Ack, refund, ConformanceKeys.Stranger.PrivateKey))).Expect(0x6982);
        v.Send(PurseCommands.Ack(new ProtectedMessage(MessageType.Ack, refund, Customer1.Sign(MessageType.Req, refund).Signature))).Expect(0x6982);
        Pending(v);

        v = Vector("ack", "ACK", "5.12", "The customer's ack: idle, logged as sent; the val stays pending.");
        Ack(v, Customer1, refund);
        Status(v);
        ReadTransaction(v, 0);
        Resume(v);

        v = Vector("replays-after-completion", "REQ", "9", "Every message of the completed transfers again, and the card's own val sent back: 6985.");
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, refund))).Expect(0x6985);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, refund))).Expect(0x6985);
        v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, refund))).Expect(0x6985);
        v.Send("80560000", "C03F" + Hex.Encode(refund.Encode()) + Template(Card.Pending!.Value.Capture), true).Expect(0x6985);
        Status(v);
    }

    private void Aborts()
    {
        VectorBuilder v = Vector("abort-in-idle", "ABORT", "5.13", "ABORT in idle changes nothing.");
        Abort(v);
        Status(v);

        v = Vector("abort-in-epr", "ABORT", "5.13, 4.3", "Nothing was debited in epr: nothing is logged; the req no longer fits.");
        PaymentDetails pd = StartFrom(v, Customer1, Eur, 100, 2002);
        Abort(v);
        Status(v);
        Balances(v);
        v.Send(PurseCommands.Req(Customer1.Sign(MessageType.Req, pd))).Expect(0x6985);

        v = Vector("abort-in-epv", "ABORT", "5.13, 4.3, 2.4", "In epv the value was expected and never credited: reason 02.");
        Verify(v, Bank1);
        PaymentDetails lostLoad = StartTo(v, Bank1, Eur, 300, 1004);
        Abort(v);
        Status(v);
        ReadException(v, 0);
        v.Send(PurseCommands.Val(Bank1.Sign(MessageType.Val, lostLoad))).Expect(0x6985);

        v = Vector("abort-in-epa", "ABORT", "5.13, 4.3, 2.4", "In epa the value was debited and the ack never came: reason 01; the value stays debited.");
        Verify(v, Customer1);
        pd = StartFrom(v, Customer1, Eur, 200, 2003);
        Req(v, Customer1, pd);
        Abort(v);
        Status(v);
        Balances(v);
        ReadException(v, 1);
        v.Send(PurseCommands.Ack(Customer1.Sign(MessageType.Ack, pd))).Expect(0x6985);

        v = Vector("abort-with-data", "ABORT", "5.13", "ABORT with data: 6700.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Abort, 0, 0, [0x00])).Expect(0x6700);

        v = Vector("refused-start-aborts", "START FROM", "4.3", "A start refused after the data check still aborts: the epv transfer is logged, the purse is idle.");
        Verify(v, Bank1);
        StartTo(v, Bank1, Eur, 400, 1005);
        Verify(v, Customer1);
        VerifyLockCode(v);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 100_001, 2004), 0x9403);
        Pending(v);
        Status(v);

        v = Vector("start-aborts-and-starts", "START TO", "4.3", "A successful start aborts (epa, logged 01) and starts in one step.");
        pd = StartFrom(v, Customer1, Eur, 50, 2005);
        Req(v, Customer1, pd);
        Verify(v, Bank1);
        PaymentDetails next = StartTo(v, Bank1, Eur, 10, 1006);
        Status(v);
        Val(v, Bank1, next);

        v = Vector("malformed-start-does-not-abort", "START FROM", "4.3", "A malformed start is not a start: the transfer in progress goes on.");
        next = StartTo(v, Bank1, Eur, 5, 1007);
        v.Send(new CommandApdu(0x80, PurseInstruction.StartFrom, 0, 0, Hex.Decode("8008 5CC0020000000004 82020978 830400000005"), 256)).Expect(0x6A80);
        Pending(v);
        Val(v, Bank1, next);
    }

    private void Resumes()
    {
        VectorBuilder v = Vector("resume-in-epv", "RESUME", "5.14, 4.7", "Payee in epv: RESUME gives the req; after VAL, RESUME gives the ack.");
        Verify(v, Bank1);
        PaymentDetails pd = StartTo(v, Bank1, Gbp, 7_000, 1008);
        Resume(v);
        Val(v, Bank1, pd);
        Resume(v);

        v = Vector("resume-in-epa", "RESUME", "5.14, 4.7", "Payer in epa: RESUME gives the val byte for byte; ACK completes and the val stays pending.");
        Verify(v, Customer1);
        pd = StartFrom(v, Customer1, Gbp, 25, 2007);
        Req(v, Customer1, pd);
        Resume(v);
        Ack(v, Customer1, pd);
        Resume(v);

        v = Vector("resume-nothing-pending", "RESUME", "5.14", "After START FROM the pending log is empty: 6A88.");
        StartFrom(v, Customer1, Gbp, 100, 2008);
        v.Send(PurseCommands.Resume()).Expect(0x6A88);
        Abort(v);
    }

    private void Logs()
    {
        VectorBuilder v = Vector("read-transaction-log", "READ LOG", "5.15, 4.8", "Transaction records, most recent first; beyond the last 6A83.");
        int count = Math.Min(10, Card.TransactionLog.Count);
        for (int i = 0; i < count; i++)
        {
            ReadTransaction(v, i);
        }
        v.Send(PurseCommands.ReadLog(PurseLogKind.Transactions, (byte)count)).Expect(0x6A83);

        v = Vector("read-exception-log", "READ LOG", "5.15, 4.6", "Exception records, oldest first, each signed by the purse; beyond 6A83; P2 03 6A86.");
        for (int i = 0; i < Card.ExceptionLog.Count; i++)
        {
            ReadException(v, i);
        }
        v.Send(PurseCommands.ReadLog(PurseLogKind.Exceptions, (byte)Card.ExceptionLog.Count)).Expect(0x6A83);
        v.Send(new CommandApdu(0x80, PurseInstruction.ReadLog, 0, 3, default, 256)).Expect(0x6A86);

        v = Vector("read-exception-log-aborts", "READ LOG", "5.15, 4.3", "Reading the exception log aborts first; the abort stands even when the index finds nothing.");
        Verify(v, Bank1);
        StartTo(v, Bank1, Eur, 60, 1009);
        Card.Abort();
        v.Send(PurseCommands.ReadLog(PurseLogKind.Exceptions, (byte)(Card.ExceptionLog.Count + 1))).Expect(0x6A83);
        Status(v);
        ReadException(v, Card.ExceptionLog.Count - 1);

        v = Vector("read-transaction-log-does-not-abort", "READ LOG", "5.15", "Reading the transaction log leaves a transfer in progress alone.");
        PaymentDetails pd = StartTo(v, Bank1, Eur, 70, 1010);
        ReadTransaction(v, 0);
        Pending(v);
        Val(v, Bank1, pd);
    }

    private void LockCodeCommands()
    {
        VectorBuilder v = Vector("verify-lock-code-state", "VERIFY LOCK CODE", "5.16, 5.1", "After SELECT, without data: not verified, 63C3.");
        Select(v);
        v.Send(PurseCommands.VerifyLockCode()).Expect(0x63C3);

        v = Vector("verify-lock-code", "VERIFY LOCK CODE", "5.16", "The right code: 9000, verified for the session.");
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        Card.LockCodeVerified = true;
        v.Send(PurseCommands.VerifyLockCode()).ExpectOk();
        Status(v);

        v = Vector("verify-lock-code-wrong", "VERIFY LOCK CODE", "5.16, 6.1", "A wrong code: 63C2, and the session is no longer verified; the right one restores the tries.");
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        Card.TriesRemaining = 2;
        v.Send(PurseCommands.VerifyLockCode()).Expect(0x63C2);
        Status(v);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        Card.LockCodeVerified = true;
        Card.TriesRemaining = 3;
        Status(v);

        v = Vector("verify-lock-code-malformed", "VERIFY LOCK CODE", "5.16", "3 digits, a letter, two codes: 6A80, no try spent.");
        foreach (string data in new[] { "8A03313233", "8A043132333A", "8A0431323334 8A0431323334" })
        {
            v.Send(new CommandApdu(0x80, PurseInstruction.VerifyLockCode, 0, 0, Hex.Decode(data))).Expect(0x6A80);
        }
        Status(v);

        v = Vector("change-lock-code", "CHANGE LOCK CODE", "5.17", "A wrong old code 63C2; a malformed new one 6A80; then 2468 → 13579.");
        v.Send(PurseCommands.ChangeLockCode("1111", "1357")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        v.Send(new CommandApdu(0x80, PurseInstruction.ChangeLockCode, 0, 0, Hex.Decode("8A0432343638 8A03313335"))).Expect(0x6A80);
        v.Send(PurseCommands.ChangeLockCode(LockCode, "13579")).ExpectOk();
        Card.LockCode = "13579";
        Card.TriesRemaining = 3;
        Card.LockCodeVerified = true;
        v.Send(PurseCommands.VerifyLockCode(LockCode)).Expect(0x63C2);
        v.Send(PurseCommands.VerifyLockCode("13579")).ExpectOk();
        Status(v);

        v = Vector("lock", "LOCK", "5.18, 6.1", "LOCK with a wrong code 63C2; with the right one a locked purse cannot pay (6982) but can receive.");
        v.Send(PurseCommands.Lock("0000")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        v.Send(PurseCommands.Lock("13579")).ExpectOk();
        Card.TriesRemaining = 3;
        Card.LockCodeVerified = true;
        Card.Locked = true;
        Status(v);
        Verify(v, Customer1);
        StartRefused(v, PurseCommands.StartFrom(Customer1.Id, Eur, 10, 2009), 0x6982);
        Verify(v, Bank1);
        Receive(v, Bank1, Eur, 100, 1011);
        v.Send(new CommandApdu(0x80, PurseInstruction.Lock, 0, 0, Hex.Decode("8A03313233"))).Expect(0x6A80);

        v = Vector("unlock", "UNLOCK", "5.18", "UNLOCK with a malformed code 6A80, a wrong code 63C2, then the right one: paying works again.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Unlock, 0, 0, Hex.Decode("8A0931323334353637383930"))).Expect(0x6A80);
        v.Send(PurseCommands.Unlock("0000")).Expect(0x63C2);
        Card.LockCodeVerified = false;
        v.Send(PurseCommands.Unlock("13579")).ExpectOk();
        Card.Locked = false;
        Card.TriesRemaining = 3;
        Card.LockCodeVerified = true;
        Status(v);
        Verify(v, Customer1);
        StartFrom(v, Customer1, Eur, 10, 2009);
        Abort(v);

        v = Vector("lock-code-blocked", "VERIFY LOCK CODE", "5.16, 6.1", "Three wrong codes: 63C2, 63C1, 63C0; then every lock-code command answers 6983.");
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C2);
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C1);
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect(0x63C0);
        Card.TriesRemaining = 0;
        Card.LockCodeVerified = false;
        v.Send(PurseCommands.VerifyLockCode("13579")).Expect(0x6983);
        v.Send(PurseCommands.VerifyLockCode()).Expect(0x6983);
        v.Send(PurseCommands.ChangeLockCode("13579", "2468")).Expect(0x6983);
        v.Send(PurseCommands.Lock("13579")).Expect(0x6983);
        v.Send(PurseCommands.Unlock("13579")).Expect(0x6983);
        Status(v);

        v = Vector("reset-lock-code", "RESET LOCK CODE", "7.5", "A malformed code 6A80, a forged authorisation 6982; the issuer's reset: code 2468, 3 tries.");
        v.Send(Authorised(IssuerAuthorisation.Custom(MessageType.ResetLockCode, CardId, 0, Hex.Decode("8A03313233")))).Expect(0x6A80);
        v.Send(IssuerAuthorisation.ResetLockCode(CardId, 0, LockCode).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        IssuerOk(v, IssuerAuthorisation.ResetLockCode(CardId, 0, LockCode));
        Card.LockCode = LockCode;
        Card.TriesRemaining = 3;
        Status(v);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        Card.LockCodeVerified = true;
    }

    private void Contactless()
    {
        VectorBuilder v = Vector("contactless-limit", "START FROM", "6.3, 5.8",
            "Contactless, above the contactless limit, START FROM needs the lock code verified in the session (6982). Over contacts the steps marked contactless are skipped.");
        Select(v);
        Verify(v, Customer1);
        v.Send(PurseCommands.StartFrom(Customer1.Id, Eur, EurLimits.ContactlessLimit + 1, 2010)).On(CardInterfaceKind.Contactless).Expect(0x6982);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).On(CardInterfaceKind.Contactless).ExpectOk();
        StartFrom(v, Customer1, Eur, EurLimits.ContactlessLimit + 1, 2010);
        Abort(v);
        Select(v);
    }

    private void IssuerAuthorisations()
    {
        VectorBuilder v = Vector("mint-not-a-bank", "MINT", "7.2", "MINT into a merchant purse: 9405, and the counter does not move.");
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Eur, 100))).Expect(0x9405);
        Status(v);

        v = Vector("issuer-counter", "MINT", "7.1", "A replayed authorisation (counter already used) and one from the future: 6985.");
        v.Send(Authorised(IssuerAuthorisation.ResetLockCode(CardId, 0, LockCode))).Expect(0x6985);
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter + 1, Eur, 100))).Expect(0x6985);
        v.Send(Authorised(IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter + 1))).Expect(0x6985);

        v = Vector("issuer-signature", "DEACTIVATE", "7.1, 9", "Forged, for another purse, or retyped: 6982.");
        v.Send(IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        v.Send(Authorised(IssuerAuthorisation.Deactivate(Customer1.Id, Card.IssuerCounter))).Expect(0x6982);
        IssuerAuthorisation deactivate = IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter);
        v.Send(deactivate.ToCommand(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter).Sign(Issuer.Key.PrivateKey))).Expect(0x6982);
        Status(v);

        v = Vector("issuer-malformed", "MINT", "7.1, 5.19", "No counter, trailing data, a digest of the wrong length: 6A80.");
        v.Send(new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, Hex.Decode("82020978 830400000064 9E083006020101020101"))).Expect(0x6A80);
        v.Send(new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, Hex.Decode("82020978 830400000064 890400000001 9E083006020101020101 00"))).Expect(0x6A80);
        v.Send(new CommandApdu(0x80, PurseInstruction.ClearExceptionLog, 0, 0, Hex.Decode("901F" + new string('0', 62) + "890400000001 9E083006020101020101"))).Expect(0x6A80);

        v = Vector("clear-exception-log-wrong-digest", "CLEAR EXCEPTION LOG", "7.3, 4.6", "The digest of all records but the last: 6985.");
        byte[] partial = ExceptionRecord.LogDigest(Card.ExceptionLog.Take(Card.ExceptionLog.Count - 1));
        v.Send(Authorised(IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, partial))).Expect(0x6985);
        v.Send(IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey))
            .Note("the right digest, forged authorisation").Expect(0x6982);
        Status(v);

        v = Vector("clear-exception-log", "CLEAR EXCEPTION LOG", "7.3", "The digest of exactly the records held clears the log.");
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Card.ExceptionLog.Clear();
        Status(v);

        v = Vector("clear-empty-exception-log", "CLEAR EXCEPTION LOG", "7.3", "An empty log clears with the digest of the empty string.");
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Status(v);
    }

    private void ExceptionLogFull()
    {
        VectorBuilder v = Vector("exception-log-full", "START TO", "4.6, 5.8, 5.9",
            "15 aborted loads fill 15 records; a start in epv logs the 16th and answers 6A84; the full log refuses starts; clearing frees it.");
        Verify(v, Bank1);
        for (uint i = 0; i < 15; i++)
        {
            StartTo(v, Bank1, Eur, 1, 1100 + i);
            Abort(v);
        }
        StartTo(v, Bank1, Eur, 1, 1115);
        StartRefused(v, PurseCommands.StartTo(Bank1.Id, Eur, 1, 1116), 0x6A84);
        Status(v);
        StartRefused(v, PurseCommands.StartFrom(Bank1.Id, Eur, 1, 1), 0x6A84);
        ReadException(v, 15);
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Card.ExceptionLog.Clear();
        Status(v);
    }

    private void Blocked()
    {
        VectorBuilder v = Vector("deactivate", "DEACTIVATE", "7.4, 1.3", "DEACTIVATE aborts (epa: logged 01) and blocks; SELECT answers 6283 with the FCI.");
        Verify(v, Customer1);
        PaymentDetails pd = StartFrom(v, Customer1, Eur, 30, 2011);
        Req(v, Customer1, pd);
        IssuerOk(v, IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter));
        Card.Lifecycle = PurseLifecycle.Blocked;
        Select(v, 0x6283);
        Status(v);

        v = Vector("blocked-refuses", "common checks", "1.3", "A blocked purse refuses transfers, LOCK/UNLOCK, MINT, DEACTIVATE, RESET: 6985.");
        foreach (CommandApdu command in new[]
                 {
                     PurseCommands.StartFrom(Customer1.Id, Eur, 1, 1), PurseCommands.StartTo(Customer1.Id, Eur, 1, 1),
                     PurseCommands.Req(Customer1.Sign(MessageType.Req, pd)), PurseCommands.Val(Customer1.Sign(MessageType.Val, pd)),
                     PurseCommands.Ack(Customer1.Sign(MessageType.Ack, pd)),
                     PurseCommands.VerifyCertificate(Customer1.Certificate.Encoded), PurseCommands.Lock(LockCode), PurseCommands.Unlock(LockCode),
                     Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Eur, 1)),
                     Authorised(IssuerAuthorisation.Deactivate(CardId, Card.IssuerCounter)),
                     Authorised(IssuerAuthorisation.ResetLockCode(CardId, Card.IssuerCounter, LockCode)),
                 })
        {
            v.Send(command).Expect(0x6985);
        }

        v = Vector("blocked-allows", "common checks", "1.3", "A blocked purse can be read, resumed, aborted, and its lock code verified and changed.");
        Balances(v);
        ReadTransaction(v, 0);
        ReadException(v, 0);
        Resume(v);
        Abort(v);
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        v.Send(PurseCommands.ChangeLockCode(LockCode, LockCode)).ExpectOk();

        v = Vector("activate-blocked", "ACTIVATE", "5.6, 7.4", "From BLOCKED, ACTIVATE needs the issuer: no data 6700, forged 6982, wrong counter 6985; then ISSUED.");
        v.Send(PurseCommands.Activate()).Expect(0x6700);
        v.Send(new CommandApdu(0x80, PurseInstruction.Activate, 0, 0, Hex.Decode("890400000007"))).Note("no signature").Expect(0x6A80);
        v.Send(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        v.Send(Authorised(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter + 1))).Expect(0x6985);
        IssuerOk(v, IssuerAuthorisation.Activate(CardId, Card.IssuerCounter));
        Card.Lifecycle = PurseLifecycle.Issued;
        Select(v);
        v.Send(Authorised(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter))).Expect(0x6985);
    }

    private void EndOfLife()
    {
        VectorBuilder v = Vector("terminate-with-balance", "TERMINATE", "7.4", "TERMINATE while value remains: 6985.");
        v.Send(Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter))).Expect(0x6985);

        v = Vector("deposit-to-bank", "START FROM", "5.8, 6.4", "The merchant deposits every pocket at the bank.");
        Verify(v, Bank1);
        VerifyLockCode(v);
        uint toSeq = 5001;
        foreach (CurrencyCode currency in Card.Currencies)
        {
            if (Card.Balances[currency] > 0)
            {
                Pay(v, Bank1, currency, Card.Balances[currency], toSeq++);
            }
        }
        Balances(v);

        v = Vector("terminate-with-exception-records", "TERMINATE", "7.4", "TERMINATE while the exception log holds records: 6985.");
        v.Send(Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter))).Expect(0x6985);
        IssuerOk(v, IssuerAuthorisation.ClearExceptionLog(CardId, Card.IssuerCounter, ExceptionLogDigest()));
        Card.ExceptionLog.Clear();

        v = Vector("own-certificate-expired", "START FROM", "3.3, 5.8, 5.9",
            "A certificate effective 2031-01-01 moves the trusted date past the purse's own expiry: starts answer 9406, and older certificates are expired too.");
        Verify(v, Future);
        Status(v);
        StartRefused(v, PurseCommands.StartFrom(Future.Id, Eur, 1, 1), 0x9406);
        StartRefused(v, PurseCommands.StartTo(Future.Id, Eur, 1, 1), 0x9406);
        v.Send(PurseCommands.VerifyCertificate(Customer1.Certificate.Encoded)).Expect(0x9406);

        v = Vector("terminate", "TERMINATE", "7.4, 1.3", "With no value and no evidence left, TERMINATE; then SELECT 6A81 and every command 6985.");
        IssuerOk(v, IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter));
        v.Send(PurseCommands.Select()).Expect(0x6A81);
        foreach (CommandApdu command in new[]
                 {
                     PurseCommands.GetData(PurseDataObject.Status), PurseCommands.Abort(), PurseCommands.Resume(),
                     PurseCommands.ReadLog(PurseLogKind.Exceptions, 0), PurseCommands.VerifyLockCode(LockCode),
                     Authorised(IssuerAuthorisation.Activate(CardId, Card.IssuerCounter)),
                     Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter)),
                 })
        {
            v.Send(command).Expect(0x6985);
        }
    }
}
