namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>The counterparties of the conformance vectors, and host steps that drive a purse against them.</summary>
internal static class Peers
{
    public static SimulatedPurse Customer => ConformancePeers.Customer1;

    public static SimulatedPurse OtherCustomer => ConformancePeers.Customer2;

    public static SimulatedPurse Merchant => ConformancePeers.Merchant1;

    public static SimulatedPurse Bank => ConformancePeers.Bank1;

    /// <summary>Expired the day before the test purses' effective date (their trusted date).</summary>
    public static SimulatedPurse Expired => ConformancePeers.Expired;

    /// <summary>Effective after the test purses' expiry: verifying it expires their own certificate.</summary>
    public static SimulatedPurse FromTheFuture => ConformancePeers.Future;

    /// <summary>
    /// A complete transfer from a simulated payer into <paramref name="purse"/>: VERIFY CERTIFICATE, START TO, VAL.
    /// Returns the PD.
    /// </summary>
    public static PaymentDetails Receive(this PurseUnderTest purse, SimulatedPurse payer, CurrencyCode currency, uint value,
        uint payerSequence = 1)
    {
        PaymentDetails pd = purse.StartReceiving(payer, currency, value, payerSequence);
        purse.SendOk(PurseCommands.Val(payer.Sign(MessageType.Val, pd)));
        return pd;
    }

    /// <summary>VERIFY CERTIFICATE and START TO: the purse is in epv; returns the PD of its req.</summary>
    public static PaymentDetails StartReceiving(this PurseUnderTest purse, SimulatedPurse payer, CurrencyCode currency, uint value,
        uint payerSequence = 1)
    {
        purse.VerifyPeer(payer.Certificate);
        ProtectedMessage req = ProtectedMessage.Parse(MessageType.Req,
            purse.SendOk(PurseCommands.StartTo(payer.Id, currency, value, payerSequence)));
        Assert.True(req.Verify(purse.PublicKey));
        return req.Details;
    }

    /// <summary>VERIFY CERTIFICATE and START FROM: the purse is in epr; returns the PD.</summary>
    public static PaymentDetails StartPaying(this PurseUnderTest purse, SimulatedPurse payee, CurrencyCode currency, uint value,
        uint payeeSequence = 1)
    {
        purse.VerifyPeer(payee.Certificate);
        byte[] data = purse.SendOk(PurseCommands.StartFrom(payee.Id, currency, value, payeeSequence));
        return PaymentDetails.Decode(StrictTlvReader.ReadSingle(data, PurseTag.PaymentDetails, PaymentDetails.Length, PaymentDetails.Length));
    }

    /// <summary>START FROM and REQ: the purse is debited and in epa; returns the PD.</summary>
    public static PaymentDetails PayUntilAck(this PurseUnderTest purse, SimulatedPurse payee, CurrencyCode currency, uint value,
        uint payeeSequence = 1)
    {
        PaymentDetails pd = purse.StartPaying(payee, currency, value, payeeSequence);
        ProtectedMessage val = ProtectedMessage.Parse(MessageType.Val, purse.SendOk(PurseCommands.Req(payee.Sign(MessageType.Req, pd))));
        Assert.True(val.Verify(purse.PublicKey));
        return pd;
    }

    /// <summary>A complete transfer from <paramref name="purse"/> to a simulated payee.</summary>
    public static PaymentDetails Pay(this PurseUnderTest purse, SimulatedPurse payee, CurrencyCode currency, uint value,
        uint payeeSequence = 1)
    {
        PaymentDetails pd = purse.PayUntilAck(payee, currency, value, payeeSequence);
        purse.SendOk(PurseCommands.Ack(payee.Sign(MessageType.Ack, pd)));
        return pd;
    }

    /// <summary>An issued purse holding <paramref name="amount"/> in each of its currencies, loaded from the simulated bank.</summary>
    public static PurseUnderTest Loaded(PurseClass purseClass, uint amount, params CurrencyCode[] currencies)
    {
        PurseUnderTest purse = Issued(purseClass, currencies);
        uint bankSequence = 100;
        foreach (CurrencyCode currency in purse.Currencies)
        {
            purse.Receive(Bank, currency, amount, bankSequence++);
        }
        return purse;
    }
}
