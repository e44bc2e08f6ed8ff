namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// The untrusted host of spec 4.2 carrying a payment between two applet purses, step by step so that tests can stop,
/// abort, resume or replay anywhere. Every step asserts the status word the spec promises.
/// </summary>
internal sealed class PaymentHost
{
    public PaymentHost(PurseUnderTest payer, PurseUnderTest payee, CurrencyCode currency, uint value, byte[]? orderDigest = null)
    {
        Payer = payer;
        Payee = payee;
        Currency = currency;
        Value = value;
        OrderDigest = orderDigest;
    }

    public PurseUnderTest Payer { get; }

    public PurseUnderTest Payee { get; }

    public CurrencyCode Currency { get; }

    public uint Value { get; }

    public byte[]? OrderDigest { get; }

    public PaymentDetails? Details { get; private set; }

    public ProtectedMessage? Req { get; private set; }

    public ProtectedMessage? Val { get; private set; }

    public ProtectedMessage? Ack { get; private set; }

    /// <summary>SELECT both, exchange certificates, START FROM on the payer (epr), START TO on the payee (epv, req).</summary>
    public PaymentHost Start()
    {
        uint toSeq = PurseResponses.ParseFci(Payee.SendOk(PurseCommands.Select())).NextSequenceNumber;
        Payer.Select();
        Payer.VerifyPeer(Payee.Certificate!);
        Payee.VerifyPeer(Payer.Certificate!);
        byte[] pd = Payer.SendOk(PurseCommands.StartFrom(Payee.Id, Currency, Value, toSeq, OrderDigest));
        Details = PaymentDetails.Decode(StrictTlvReader.ReadSingle(pd, PurseTag.PaymentDetails, 63, 63));
        Req = ProtectedMessage.Parse(MessageType.Req,
            Payee.SendOk(PurseCommands.StartTo(Payer.Id, Currency, Value, Details.FromSeq, OrderDigest)));
        Assert.Equal(Details, Req.Details);
        Assert.True(Req.Verify(Payee.PublicKey), "the payee's req does not verify");
        return this;
    }

    /// <summary>REQ to the payer: debit, epa; returns the val.</summary>
    public PaymentHost SendReq()
    {
        Val = ProtectedMessage.Parse(MessageType.Val, Payer.SendOk(PurseCommands.Req(Req!)));
        Assert.Equal(Details, Val.Details);
        Assert.True(Val.Verify(Payer.PublicKey), "the payer's val does not verify");
        return this;
    }

    /// <summary>VAL to the payee: credit, idle; returns the ack.</summary>
    public PaymentHost SendVal()
    {
        Ack = ProtectedMessage.Parse(MessageType.Ack, Payee.SendOk(PurseCommands.Val(Val!)));
        Assert.Equal(Details, Ack.Details);
        Assert.True(Ack.Verify(Payee.PublicKey), "the payee's ack does not verify");
        return this;
    }

    /// <summary>ACK to the payer: idle.</summary>
    public PaymentHost SendAck()
    {
        Payer.SendOk(PurseCommands.Ack(Ack!));
        return this;
    }

    public PaymentHost Complete() => Start().SendReq().SendVal().SendAck();

    public static PaymentHost Pay(PurseUnderTest payer, PurseUnderTest payee, CurrencyCode currency, uint value) =>
        new PaymentHost(payer, payee, currency, value).Complete();
}
