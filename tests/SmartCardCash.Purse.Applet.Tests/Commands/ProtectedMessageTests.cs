namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>
/// REQ, VAL and ACK (spec 5.10–5.12): lifecycle 6985, format 6700/6A80, state 6985, PD = pdAuth 6985, signature 6982
/// — and every refusal changes nothing (4.3).
/// </summary>
public class ProtectedMessageTests
{
    private readonly PurseUnderTest _customer = Peers.Loaded(PurseClass.Customer, 10_000, Eur, Gbp);

    [Fact]
    public void REQ_debits_enters_epa_and_answers_the_val()
    {
        PaymentDetails pd = _customer.StartPaying(Peers.Merchant, Eur, 2_500);
        ProtectedMessage val = ProtectedMessage.Parse(MessageType.Val,
            _customer.SendOk(PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, pd))));
        Assert.Equal(pd, val.Details);
        Assert.True(val.Verify(_customer.PublicKey));
        Assert.Equal(7_500u, _customer.Balance(Eur));
        Assert.Equal(TransferState.ExpectingAck, _customer.Status().TransferState);
    }

    [Fact]
    public void VAL_credits_returns_to_idle_logs_and_answers_the_ack()
    {
        PaymentDetails pd = _customer.StartReceiving(Peers.Customer, Gbp, 400, 31);
        ProtectedMessage ack = ProtectedMessage.Parse(MessageType.Ack,
            _customer.SendOk(PurseCommands.Val(Peers.Customer.Sign(MessageType.Val, pd))));
        Assert.Equal(pd, ack.Details);
        Assert.True(ack.Verify(_customer.PublicKey));
        Assert.Equal(10_400u, _customer.Balance(Gbp));
        Assert.Equal(TransferState.Idle, _customer.Status().TransferState);
        TransactionLogEntry last = PurseResponses.ParseTransactionLogEntry(_customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Transactions, 0)));
        Assert.Equal(new TransactionRecord(TransactionRecordType.Received, pd, 10_400), last.Record);
    }

    [Fact]
    public void ACK_returns_the_payer_to_idle_and_logs_the_sent_transfer()
    {
        PaymentDetails pd = _customer.PayUntilAck(Peers.Merchant, Eur, 2_500);
        Assert.Empty(_customer.SendOk(PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, pd))));
        Assert.Equal(TransferState.Idle, _customer.Status().TransferState);
        TransactionLogEntry last = PurseResponses.ParseTransactionLogEntry(_customer.SendOk(PurseCommands.ReadLog(PurseLogKind.Transactions, 0)));
        Assert.Equal(new TransactionRecord(TransactionRecordType.Sent, pd, 7_500), last.Record);
    }

    public static TheoryData<byte> Instructions => [PurseInstruction.Req, PurseInstruction.Val, PurseInstruction.Ack];

    [Theory]
    [MemberData(nameof(Instructions))]
    public void Malformed_messages_are_6700_or_6A80(byte ins)
    {
        PaymentDetails good = new(Peers.Merchant.Id, _customer.Id, Eur, 5, 1, 1);
        byte[] signature = new byte[70];
        AssertRefusedWithoutChange(_customer, new CommandApdu(0x80, ins, 0, 0, default, 256), 0x6700);
        foreach (string data in new[]
                 {
                     "C03F" + Hex.Encode(new PaymentDetails(_customer.Id, _customer.Id, Eur, 5, 1, 1).Encode()) + "9E08" + "3006020101020101",
                     "C03F" + Hex.Encode(new PaymentDetails(Peers.Merchant.Id, _customer.Id, Eur, 0, 1, 1).Encode()) + "9E08" + "3006020101020101",
                     "C03F" + Hex.Encode(good.Encode()) + "9E07" + "30050201010201",
                     "C03F" + Hex.Encode(good.Encode()) + "9E49" + Hex.Encode(new byte[73]),
                     "C03F" + Hex.Encode(good.Encode()),
                     "9E46" + Hex.Encode(signature) + "C03F" + Hex.Encode(good.Encode()),
                     "C03E" + Hex.Encode(good.Encode()[..62]) + "9E46" + Hex.Encode(signature),
                     "C03F" + Hex.Encode(good.Encode()) + "9E46" + Hex.Encode(signature) + "9000",
                     "C03F" + Hex.Encode(good.Encode()[..30]) + "02" + Hex.Encode(good.Encode()[31..]) + "9E46" + Hex.Encode(signature),
                 })
        {
            AssertRefusedWithoutChange(_customer, new CommandApdu(0x80, ins, 0, 0, Hex.Decode(data), 256), 0x6A80);
        }
    }

    [Fact]
    public void Each_message_is_refused_6985_in_every_state_but_its_own()
    {
        PaymentDetails pd = _customer.StartPaying(Peers.Merchant, Eur, 100);
        AssertRefusedWithoutChange(_customer, PurseCommands.Val(Peers.Merchant.Sign(MessageType.Val, pd)), 0x6985);
        AssertRefusedWithoutChange(_customer, PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, pd)), 0x6985);
        _customer.SendOk(PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, pd)));
        AssertRefusedWithoutChange(_customer, PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, pd)), 0x6985);
        AssertRefusedWithoutChange(_customer, PurseCommands.Val(Peers.Merchant.Sign(MessageType.Val, pd)), 0x6985);
        _customer.SendOk(PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, pd)));
        foreach (MessageType type in new[] { MessageType.Req, MessageType.Val, MessageType.Ack })
        {
            AssertRefusedWithoutChange(_customer, Command(type, Peers.Merchant.Sign(type, pd)), 0x6985);
        }
    }

    [Fact]
    public void A_PD_other_than_pdAuth_is_6985_even_when_validly_signed()
    {
        PaymentDetails pd = _customer.StartPaying(Peers.Merchant, Eur, 100, 7);
        foreach (PaymentDetails other in new[]
                 {
                     new PaymentDetails(pd.From, pd.To, pd.Currency, 101, pd.FromSeq, pd.ToSeq),
                     new PaymentDetails(pd.From, pd.To, pd.Currency, pd.Value, pd.FromSeq, 8),
                     new PaymentDetails(pd.From, pd.To, Gbp, pd.Value, pd.FromSeq, pd.ToSeq),
                     new PaymentDetails(pd.From, Peers.OtherCustomer.Id, pd.Currency, pd.Value, pd.FromSeq, pd.ToSeq),
                     new PaymentDetails(pd.From, pd.To, pd.Currency, pd.Value, pd.FromSeq, pd.ToSeq, new byte[32]),
                 })
        {
            AssertRefusedWithoutChange(_customer, PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, other)), 0x6985);
        }
    }

    [Fact]
    public void A_signature_by_anyone_but_the_peer_or_for_another_message_type_is_6982()
    {
        PaymentDetails pd = _customer.StartPaying(Peers.Merchant, Eur, 100);
        AssertRefusedWithoutChange(_customer, PurseCommands.Req(ProtectedMessage.Create(MessageType.Req, pd, ConformanceKeys.Stranger.PrivateKey)), 0x6982);
        AssertRefusedWithoutChange(_customer, PurseCommands.Req(ProtectedMessage.Create(MessageType.Req, pd, ConformanceKeys.Customer1.PrivateKey)), 0x6982);
        ProtectedMessage ackAsReq = new(MessageType.Req, pd, Peers.Merchant.Sign(MessageType.Ack, pd).Signature);
        AssertRefusedWithoutChange(_customer, PurseCommands.Req(ackAsReq), 0x6982);
        ProtectedMessage garbled = new(MessageType.Req, pd, Hex.Decode("3006020101020101"));
        AssertRefusedWithoutChange(_customer, PurseCommands.Req(garbled), 0x6982);

        _customer.SendOk(PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, pd)));
        ProtectedMessage reqAsAck = new(MessageType.Ack, pd, Peers.Merchant.Sign(MessageType.Req, pd).Signature);
        AssertRefusedWithoutChange(_customer, PurseCommands.Ack(reqAsAck), 0x6982);
        AssertRefusedWithoutChange(_customer, PurseCommands.Ack(ProtectedMessage.Create(MessageType.Ack, pd, ConformanceKeys.Stranger.PrivateKey)), 0x6982);

        PaymentDetails incoming = _customer.StartReceiving(Peers.Bank, Eur, 10, 3);
        AssertRefusedWithoutChange(_customer, PurseCommands.Val(ProtectedMessage.Create(MessageType.Val, incoming, ConformanceKeys.Merchant1.PrivateKey)), 0x6982);
    }

    [Fact]
    public void The_peer_key_fixed_at_start_survives_a_power_loss_and_a_new_session()
    {
        PaymentDetails pd = _customer.StartPaying(Peers.Merchant, Eur, 100);
        _customer.PowerCycle();
        _customer.VerifyPeer(Peers.Customer.Certificate);
        _customer.SendOk(PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, pd)));
        _customer.SendOk(PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, pd)));
        Assert.Equal(9_900u, _customer.Balance(Eur));
    }

    [Fact]
    public void Protected_messages_work_only_in_ISSUED()
    {
        PaymentDetails pd = _customer.StartPaying(Peers.Merchant, Eur, 100);
        _customer.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(_customer.Id, 0)));
        foreach (MessageType type in new[] { MessageType.Req, MessageType.Val, MessageType.Ack })
        {
            AssertRefusedWithoutChange(_customer, Command(type, Peers.Merchant.Sign(type, pd)), 0x6985);
        }
    }

    private static CommandApdu Command(MessageType type, ProtectedMessage message) => type switch
    {
        MessageType.Req => PurseCommands.Req(message),
        MessageType.Val => PurseCommands.Val(message),
        _ => PurseCommands.Ack(message),
    };
}
