using SmartCardCash.Purse.Conformance.Model;
using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// Card "bank": a bank purse (EUR, JPY), the only class MINT credits. MINT and its refusals, the abort MINT does, and
/// the transfers a bank purse makes: loads, deposits, float.
/// </summary>
internal sealed class BankCardScenario : CardScenario
{
    public static readonly PurseId CardId = PurseId.Parse("5CC0010000000002");
    private static readonly PocketLimits EurLimits = new(Currency.Eur.Code, 1_000_000, 500_000, 5_000);
    private static readonly PocketLimits JpyLimits = new(Currency.Jpy.Code, 10_000_000, 1_000_000, 10_000);

    private BankCardScenario() : base("bank",
        [
            "A bank purse, ID 5CC0010000000002, currencies EUR JPY, certificate 2025-06-01 to 2030-12-31, lock code 1357 (5 tries).",
            "Starts from a freshly installed purse (PERSONALISATION).",
        ],
        CardId, PurseClass.Bank, Eur, Jpy)
    {
    }

    public static VectorCard Build()
    {
        var scenario = new BankCardScenario();
        scenario.Personalise();
        scenario.Minting();
        scenario.Transfers();
        return scenario.Script.Build();
    }

    private void Personalise()
    {
        VectorBuilder v = Vector("personalise", "PUT DATA", "5.4, 5.5, 5.6", "Personalisation in one go: key pair, certificates, limits, lock code, ACTIVATE.");
        Select(v);
        GenerateKeyPair(v);
        v.Send(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded)).ExpectOk();
        PutPurseCertificate(v);
        PutPocketLimits(v, EurLimits);
        PutPocketLimits(v, JpyLimits);
        PutLockCode(v, "1357", 5);
        Activate(v);
        Select(v);
        Status(v);
        Balances(v);
    }

    private void Minting()
    {
        VectorBuilder v = Vector("mint", "MINT", "7.2", "MINT credits the bank purse, logs a mint record and advances the issuer counter.");
        Mint(v, Eur, 250_000);
        Balances(v);
        Status(v);
        ReadTransaction(v, 0);

        v = Vector("mint-replayed", "MINT", "7.1, 9", "The same authorisation again, and one with a later counter: 6985.");
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, 0, Eur, 250_000))).Expect(0x6985);
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, 5, Eur, 250_000))).Expect(0x6985);
        Balances(v);

        v = Vector("mint-forged", "MINT", "7.1, 9", "Forged, for another purse, with another command's signature, or altered after signing: 6982.");
        IssuerAuthorisation mint = IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Eur, 1_000);
        v.Send(mint.ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        v.Send(Authorised(IssuerAuthorisation.Mint(MerchantCardScenario.CardId, Card.IssuerCounter, Eur, 1_000))).Expect(0x6982);
        v.Send(mint.ToCommand(IssuerAuthorisation.Custom(MessageType.Deactivate, CardId, Card.IssuerCounter, mint.Parameters).Sign(Issuer.Key.PrivateKey))).Expect(0x6982);
        byte[] altered = Authorised(mint).Data.ToArray();
        altered[9] ^= 0x10;
        v.Send(new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, altered)).Expect(0x6982);
        Status(v);

        v = Vector("mint-refused", "MINT", "7.2", "Validly authorised but a currency not held 9404, amount 0 6A80, above the maximum 9402: nothing changes.");
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Usd, 1))).Expect(0x9404);
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Eur, 0))).Expect(0x6A80);
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Jpy, JpyLimits.MaximumBalance + 1))).Expect(0x9402);
        Status(v);
        Balances(v);

        v = Vector("mint-to-maximum", "MINT", "7.2, 6.2", "JPY minted to its maximum; one more yen: 9402.");
        Mint(v, Jpy, JpyLimits.MaximumBalance);
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Jpy, 1))).Expect(0x9402);
        Balances(v);

        v = Vector("mint-aborts-first", "MINT", "4.3, 7.1", "MINT aborts a transfer in progress in the transaction of its effect (epr: nothing logged).");
        Verify(v, Customer1);
        StartFrom(v, Customer1, Eur, 1_000, 3001);
        Mint(v, Eur, 5_000);
        Pending(v);
        Status(v);
    }

    private void Transfers()
    {
        VectorBuilder v = Vector("load-customer", "START FROM", "6.4, 4.2", "A load: the bank pays a customer.");
        Verify(v, Customer1);
        VerifyLockCode(v);
        Pay(v, Customer1, Eur, 10_000, 3002);
        Balances(v);

        v = Vector("deposit-from-merchant", "START TO", "6.4", "A merchant deposits its takings at the bank.");
        Verify(v, Merchant1);
        Receive(v, Merchant1, Eur, 500, 4001);

        v = Vector("float-to-merchant", "START FROM", "6.4", "The bank gives a merchant change float.");
        Pay(v, Merchant1, Eur, 200, 4002);

        v = Vector("bank-to-bank", "START TO", "6.4", "Float moves between banks.");
        Verify(v, Bank1);
        Receive(v, Bank1, Eur, 700, 6001);
        Balances(v);

        v = Vector("read-transaction-log", "READ LOG", "5.15, 4.8", "Every record so far, most recent first.");
        for (int i = 0; i < Math.Min(10, Card.TransactionLog.Count); i++)
        {
            ReadTransaction(v, i);
        }

        v = Vector("terminate-with-balance", "TERMINATE", "7.4", "A bank purse holding value cannot be terminated: 6985.");
        v.Send(Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter))).Expect(0x6985);
    }

    /// <summary>A successful MINT: balance, mint record with the counter used as fromSeq, counter + 1.</summary>
    private void Mint(VectorBuilder v, CurrencyCode currency, uint amount)
    {
        uint counter = Card.IssuerCounter;
        IssuerOk(v, IssuerAuthorisation.Mint(CardId, counter, currency, amount));
        Card.Balances[currency] += amount;
        Card.TransactionLog.Add(new TransactionRecord(TransactionRecordType.Minted,
            TransactionRecord.MintDetails(CardId, currency, amount, counter), Card.Balances[currency]));
    }
}
