using SmartCardCash.Purse.Conformance.Model;
using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// Card "merchant": a merchant purse (EUR, GBP, USD) taken from a fresh install through personalisation, every command
/// and status word, aborts, resumes, replays, the lock code, the issuer commands, expiry and termination.
/// </summary>
/// <remarks>
/// The card, its personalisation and the order of the chapters are here; the other chapters are in partial files by
/// topic: <c>.CommandChecks</c>, <c>.Transfers</c>, <c>.LockCode</c> and <c>.Issuer</c>.
/// </remarks>
internal sealed partial class MerchantCardScenario : CardScenario
{
    public static readonly PurseId CardId = PurseId.Parse("5CC0010000000001");
    private static readonly PocketLimits EurLimits = new(Currency.Eur.Code, 500_000, 100_000, 2_000);
    private static readonly PocketLimits GbpLimits = new(Currency.Gbp.Code, 200_000, 50_000, 1_000);
    private static readonly PocketLimits UsdLimits = new(Currency.Usd.Code, 20_000, 20_000, 500);
    private const string LockCode = "2468";

    private const string ForeignPurseCertificate = "foreignPurseCertificate";
    private const string ForgedPurseCertificate = "forgedPurseCertificate";

    private MerchantCardScenario() : base("merchant",
        [
            "A merchant purse, ID 5CC0010000000001, currencies EUR GBP USD, certificate 2025-06-01 to 2030-12-31, lock code 2468 (3 tries).",
            "Starts from a freshly installed purse (PERSONALISATION) and ends TERMINATED.",
        ],
        CardId, PurseClass.Merchant, Eur, Gbp, Usd)
    {
        DeriveCardCertificate(ForeignPurseCertificate, TestIssuer.Foreign.Id, "foreign-issuer");
        DeriveCardCertificate(ForgedPurseCertificate, Issuer.Id, "stranger");
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
        GenerateKeyPair(v);

        v = Vector("generate-key-pair-with-data", "GENERATE KEY PAIR", "5.4", "GENERATE KEY PAIR with data: 6700.");
        v.Send(new CommandApdu(0x80, PurseInstruction.GenerateKeyPair, 0, 0, [0x00], 256)).Expect(0x6700);

        v = Vector("purse-certificate-refused", "PUT DATA", "5.5, 3.3", "Malformed, another key, another issuer, the issuer's own, forged: 6A80 and 6982.");
        v.Send(PurseCommands.PutPurseCertificate(Hex.Decode("7F21027F4E"))).Note("malformed").Expect(0x6A80);
        v.Send(PurseCommands.PutPurseCertificate(Customer1.Certificate.Encoded)).Note("certifies another key").Expect(0x6A80);
        v.Send("80DA0002", Template(ForeignPurseCertificate), false).Note("issued by a foreign issuer").Expect(0x6A80);
        v.Send(PurseCommands.PutPurseCertificate(Issuer.Certificate.Encoded)).Note("class 7F").Expect(0x6A80);
        v.Send("80DA0002", Template(ForgedPurseCertificate), false).Note("names the issuer, signed by a stranger").Expect(0x6982);

        v = Vector("purse-certificate", "PUT DATA", "5.5", "The purse certificate sets purse ID and class, creates empty pockets and moves the trusted date.");
        PutPurseCertificate(v);
        v.Send(PurseCommands.GetData(PurseDataObject.PurseCertificate)).ExpectOk(Part.Template(Template(PurseCertificate)));
        Balances(v);
        Status(v);
        Select(v);

        v = Vector("generate-key-pair-again", "GENERATE KEY PAIR", "5.4", "A new key pair forgets the purse certificate, which must be issued again.");
        GenerateKeyPair(v);
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
        PutPocketLimits(v, EurLimits);
        PutPocketLimits(v, GbpLimits);

        v = Vector("lock-code-setting-refused", "PUT DATA", "5.5, 6.1", "A code of 3 or 9 digits or with a letter, 0 or 16 tries, tags swapped: 6A80.");
        foreach (string data in new[] { "8A03313233 8B0103", "8A09313233343536373839 8B0103", "8A0431323A34 8B0103", "8A0431323334 8B0100", "8A0431323334 8B0110", "8B0103 8A0431323334" })
        {
            v.Send(PurseCommands.PutData(PersonalisationObject.LockCode, Hex.Decode(data))).Expect(0x6A80);
        }

        v = Vector("lock-code-setting", "PUT DATA", "5.5, 6.1", "Lock code 2468 with 3 tries.");
        PutLockCode(v, LockCode, 3);
        Status(v);

        v = Vector("activate-incomplete", "ACTIVATE", "5.6", "USD has no limits yet: 6985. ACTIVATE with data from PERSONALISATION: 6700.");
        v.Send(PurseCommands.Activate()).Expect(0x6985);
        v.Send(new CommandApdu(0x80, PurseInstruction.Activate, 0, 0, [0x89, 0x00])).Expect(0x6700);

        v = Vector("activate", "ACTIVATE", "5.6, 4.5", "With USD limits set, ACTIVATE issues the purse: nextSeq 1, issuer counter 0.");
        PutPocketLimits(v, UsdLimits);
        v.Send(PurseCommands.GetData(PurseDataObject.PocketLimits))
            .ExpectOk(Part.Bytes([.. Expected.Pocket(EurLimits), .. Expected.Pocket(GbpLimits), .. Expected.Pocket(UsdLimits)]));
        Activate(v);
        Select(v);
        Status(v);

        v = Vector("personalisation-closed", "common checks", "1.3", "After ACTIVATE the personalisation commands are refused: 6985.");
        v.Send(PurseCommands.GenerateKeyPair()).Expect(0x6985);
        v.Send(PurseCommands.PutLockCode("1111", 3)).Expect(0x6985);
        v.Send(PurseCommands.Activate()).Expect(0x6985);
    }
}
