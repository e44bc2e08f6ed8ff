using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;
using static SmartCardCash.Purse.Conformance.ConformancePeers;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// Card "customer": a customer purse (EUR, GBP), the class most cards have. Its personalisation, the customer row and
/// column of the class table (6.4) — paying and being paid by every class —, the contactless limit (6.3) at its
/// boundary and with the session rules of the lock code, MINT refused, and the issuer's TERMINATE refused (forged,
/// malformed, value left) before it ends the purse.
/// </summary>
internal sealed class CustomerCardScenario : CardScenario
{
    public static readonly PurseId CardId = PurseId.Parse("5CC0010000000003");
    private static readonly PocketLimits EurLimits = new(Currency.Eur.Code, 150_000, 50_000, 2_500);
    private static readonly PocketLimits GbpLimits = new(Currency.Gbp.Code, 100_000, 30_000, 2_000);
    private const string LockCode = "8642";
    private const int Tries = 4;

    private CustomerCardScenario() : base("customer",
        [
            "A customer purse, ID 5CC0010000000003, currencies EUR GBP, certificate 2025-06-01 to 2030-12-31, lock code 8642 (4 tries).",
            "Starts from a freshly installed purse (PERSONALISATION) and ends TERMINATED.",
        ],
        CardId, PurseClass.Customer, Eur, Gbp)
    {
    }

    public static VectorCard Build()
    {
        var scenario = new CustomerCardScenario();
        scenario.Personalise();
        scenario.ClassTable();
        scenario.Contactless();
        scenario.Refusals();
        scenario.EndOfLife();
        return scenario.Script.Build();
    }

    private void Personalise()
    {
        VectorBuilder v = Vector("personalise", "PUT DATA", "5.4, 5.5, 5.6",
            "A customer purse personalised: key pair, certificates (class 01), limits, lock code, ACTIVATE; FCI and status show class 01.");
        Select(v);
        GenerateKeyPair(v);
        v.Send(PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded)).ExpectOk();
        Card.TrustedDate = Issuer.Certificate.Body.Effective;
        PutPurseCertificate(v);
        v.Send(PurseCommands.GetData(PurseDataObject.PurseCertificate)).ExpectOk(Part.Template(Template(PurseCertificate)));
        PutPocketLimits(v, EurLimits);
        PutPocketLimits(v, GbpLimits);
        PutLockCode(v, LockCode, Tries);
        Activate(v);
        Select(v);
        Status(v);
        Balances(v);
        v.Send(PurseCommands.GetData(PurseDataObject.PocketLimits))
            .ExpectOk(Part.Bytes([.. Expected.Pocket(EurLimits), .. Expected.Pocket(GbpLimits)]));
    }

    /// <summary>Spec 6.4, the customer's row and column: every class may pay a customer, and a customer may pay every class.</summary>
    private void ClassTable()
    {
        VectorBuilder v = Vector("load-from-bank", "START TO", "6.4, 5.9", "Bank pays customer (a load), in EUR and GBP.");
        Verify(v, Bank1);
        Receive(v, Bank1, Eur, 40_000, 7001);
        Receive(v, Bank1, Gbp, 20_000, 7002);
        Balances(v);

        v = Vector("pay-customer", "START FROM", "6.4, 5.8", "Customer pays customer (person to person).");
        Verify(v, Customer2);
        VerifyLockCode(v);
        Pay(v, Customer2, Eur, 3_000, 8001);

        v = Vector("pay-merchant", "START FROM", "6.4, 5.8", "Customer pays merchant (a purchase, with an order digest).");
        Verify(v, Merchant1);
        byte[] order = System.Security.Cryptography.SHA256.HashData("order 5678"u8);
        PaymentDetails purchase = StartFrom(v, Merchant1, Eur, 4_500, 8101, order);
        Req(v, Merchant1, purchase);
        Ack(v, Merchant1, purchase);

        v = Vector("pay-bank", "START FROM", "6.4, 5.8", "Customer pays bank (an unload).");
        Verify(v, Bank1);
        Pay(v, Bank1, Gbp, 5_000, 7003);

        v = Vector("paid-by-customer", "START TO", "6.4, 5.9", "Customer paid by customer.");
        Verify(v, Customer1);
        Receive(v, Customer1, Gbp, 1_200, 9001);

        v = Vector("paid-by-merchant", "START TO", "6.4, 5.9", "Customer paid by merchant (a refund).");
        Verify(v, Merchant1);
        Receive(v, Merchant1, Eur, 4_500, 8102);
        Balances(v);
        Status(v);

        v = Vector("read-transaction-log", "READ LOG", "5.15, 4.8", "Every transfer so far, most recent first.");
        for (int i = 0; i < Math.Min(10, Card.TransactionLog.Count); i++)
        {
            ReadTransaction(v, i);
        }
    }

    /// <summary>
    /// Spec 6.3 and 5.8. Steps marked contactless are refusals (the abort before them finds the purse idle) and leave
    /// nothing behind; every lock-code command runs on both interfaces, so both leave the card in the same state.
    /// </summary>
    private void Contactless()
    {
        VectorBuilder v = Vector("contactless-limit-boundary", "START FROM", "6.3, 5.8",
            "A payment of exactly the contactless limit needs no lock code on either interface; one unit more does, contactless (6982).");
        Select(v);
        Verify(v, Customer2);
        StartFrom(v, Customer2, Eur, EurLimits.ContactlessLimit, 8002);
        Abort(v);
        v.Send(PurseCommands.StartFrom(Customer2.Id, Eur, EurLimits.ContactlessLimit + 1, 8003)).On(CardInterfaceKind.Contactless)
            .Note("above the contactless limit, lock code not verified in this session").Expect(0x6982);
        Card.Abort();
        Status(v);

        v = Vector("contactless-limit-order", "START FROM", "6.3, 5.8",
            "Above the transaction limit without the lock code: contactless the lock code is checked first (6982), over contacts 9403.");
        v.Send(PurseCommands.StartFrom(Customer2.Id, Eur, EurLimits.TransactionLimit + 1, 8004)).On(CardInterfaceKind.Contactless).Expect(0x6982);
        v.Send(PurseCommands.StartFrom(Customer2.Id, Eur, EurLimits.TransactionLimit + 1, 8004)).On(CardInterfaceKind.Contact).Expect(0x9403);
        Card.Abort();
        Verify(v, Customer1);
        v.Send(PurseCommands.StartFrom(Customer1.Id, Gbp, 20_000, 8004)).On(CardInterfaceKind.Contactless)
            .Note("GBP has its own contactless limit, checked before the balance").Expect(0x6982);
        v.Send(PurseCommands.StartFrom(Customer1.Id, Gbp, 20_000, 8004)).On(CardInterfaceKind.Contact)
            .Note("above the GBP balance").Expect(0x9401);
        Card.Abort();
        Verify(v, Customer2);

        v = Vector("contactless-limit-lock-code", "START FROM", "6.3, 5.16",
            "A wrong lock code clears the session's verification; the right one allows a payment above the contactless limit; SELECT clears it again.");
        v.Send(PurseCommands.VerifyLockCode("0000")).Expect((ushort)(0x63C0 | (Tries - 1)));
        Card.TriesRemaining = Tries - 1;
        Card.LockCodeVerified = false;
        v.Send(PurseCommands.StartFrom(Customer2.Id, Eur, EurLimits.ContactlessLimit + 1, 8005)).On(CardInterfaceKind.Contactless).Expect(0x6982);
        Card.Abort();
        v.Send(PurseCommands.VerifyLockCode(LockCode)).ExpectOk();
        Card.TriesRemaining = Tries;
        Card.LockCodeVerified = true;
        Pay(v, Customer2, Eur, EurLimits.ContactlessLimit + 1, 8005);
        Select(v);
        Verify(v, Customer2);
        v.Send(PurseCommands.StartFrom(Customer2.Id, Eur, EurLimits.ContactlessLimit + 1, 8006)).On(CardInterfaceKind.Contactless)
            .Note("a new session: verified no more").Expect(0x6982);
        Card.Abort();
        Status(v);

        v = Vector("contactless-receive", "START TO", "6.3, 5.9", "Receiving above the contactless limit never needs the lock code.");
        Verify(v, Customer1);
        Receive(v, Customer1, Eur, EurLimits.ContactlessLimit * 4, 9002);
        Balances(v);
    }

    private void Refusals()
    {
        VectorBuilder v = Vector("currency-not-held-by-peer", "START FROM", "5.8, 5.9", "A currency this purse holds but the peer does not: 9404 both ways.");
        Verify(v, Customer2);
        VerifyLockCode(v);
        StartRefused(v, PurseCommands.StartFrom(Customer2.Id, Gbp, 100, 8007), 0x9404);
        StartRefused(v, PurseCommands.StartTo(Customer2.Id, Gbp, 100, 8007), 0x9404);

        v = Vector("mint-not-a-bank", "MINT", "7.2", "MINT into a customer purse: 9405, and the counter does not move.");
        v.Send(Authorised(IssuerAuthorisation.Mint(CardId, Card.IssuerCounter, Eur, 100))).Expect(0x9405);
        Status(v);
    }

    private void EndOfLife()
    {
        VectorBuilder v = Vector("terminate-refused", "TERMINATE", "7.1, 7.4",
            "TERMINATE forged or for another purse 6982; with data before the counter or after the signature 6A80; with value left 6985.");
        v.Send(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter).ToSignedCommand(ConformanceKeys.Stranger.PrivateKey)).Expect(0x6982);
        v.Send(Authorised(IssuerAuthorisation.Terminate(Customer1.Id, Card.IssuerCounter))).Expect(0x6982);
        byte[] terminate = Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter)).Data.ToArray();
        v.Send(new CommandApdu(0x80, PurseInstruction.Terminate, 0, 0, [0x82, 0x02, 0x09, 0x78, .. terminate]))
            .Note("TERMINATE takes no parameters").Expect(0x6A80);
        v.Send(new CommandApdu(0x80, PurseInstruction.Terminate, 0, 0, [.. terminate, 0x00])).Note("trailing byte").Expect(0x6A80);
        v.Send(new CommandApdu(0x80, PurseInstruction.Terminate, 0, 0, terminate[..6])).Note("no signature").Expect(0x6A80);
        v.Send(Authorised(IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter))).Expect(0x6985);
        Status(v);

        v = Vector("unload-all", "START FROM", "6.4, 5.8", "Everything goes back to the bank.");
        Verify(v, Bank1);
        VerifyLockCode(v);
        uint toSeq = 7004;
        foreach (CurrencyCode currency in Card.Currencies)
        {
            uint balance = Card.Balances[currency];
            uint limit = currency == Eur ? EurLimits.TransactionLimit : GbpLimits.TransactionLimit;
            while (balance > 0)
            {
                uint value = Math.Min(balance, limit);
                Pay(v, Bank1, currency, value, toSeq++);
                balance -= value;
            }
        }
        Balances(v);

        v = Vector("terminate", "TERMINATE", "7.4, 1.3", "No value and no evidence left: TERMINATE; then SELECT 6A81.");
        IssuerOk(v, IssuerAuthorisation.Terminate(CardId, Card.IssuerCounter));
        v.Send(PurseCommands.Select()).Expect(0x6A81);
        v.Send(PurseCommands.GetData(PurseDataObject.Balances)).Expect(0x6985);
    }
}
