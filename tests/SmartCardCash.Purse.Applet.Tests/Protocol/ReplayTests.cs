namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>
/// Spec 9, replay and diversion, on emulated cards: any req, val or ack from an earlier transfer (completed or aborted),
/// or one meant for another purse, presented as REQ, VAL or ACK to any purse in any state — the purses of the transfer
/// and third purses — is refused and leaves the purse's whole region of the card's memory byte-identical.
/// </summary>
public class ReplayTests
{
    [Fact]
    public void Replayed_and_diverted_messages_change_nothing_in_any_state()
    {
        PurseUnderTest bank = Bank(1_000_000, Eur);
        PurseUnderTest alice = Issued(PurseClass.Customer, Eur);
        PurseUnderTest bob = Issued(PurseClass.Customer, Eur);
        PurseUnderTest shop = Issued(PurseClass.Merchant, Eur);
        var messages = new List<ProtectedMessage>();

        void Collect(PaymentHost payment) =>
            messages.AddRange(new[] { payment.Req, payment.Val, payment.Ack }.OfType<ProtectedMessage>());

        Collect(PaymentHost.Pay(bank, alice, Eur, 5_000));
        Collect(PaymentHost.Pay(bank, bob, Eur, 5_000));
        Collect(PaymentHost.Pay(alice, shop, Eur, 700));
        PaymentHost lostAck = new PaymentHost(alice, bob, Eur, 300).Start().SendReq().SendVal();
        alice.SendOk(PurseCommands.Abort());
        Collect(lostAck);
        PaymentHost lostVal = new PaymentHost(bob, shop, Eur, 200).Start().SendReq();
        bob.SendOk(PurseCommands.Abort());
        shop.SendOk(PurseCommands.Abort());
        Collect(lostVal);
        PaymentHost abandoned = new PaymentHost(shop, alice, Eur, 50).Start();
        shop.SendOk(PurseCommands.Abort());
        alice.SendOk(PurseCommands.Abort());
        Collect(abandoned);

        PurseUnderTest[] purses = [bank, alice, bob, shop];
        AssertAllRefusedWithoutChange(purses, messages);

        // Now with transfers in progress: alice in epr and bob in epv for a fresh transfer; shop in epa; bank in epv.
        new PaymentHost(alice, bob, Eur, 10).Start();
        PaymentHost inEpa = new PaymentHost(shop, bank, Eur, 20).Start().SendReq();
        AssertAllRefusedWithoutChange(purses, messages);
        Assert.Equal(TransferState.ExpectingAck, shop.Status().TransferState);
        Assert.Equal(TransferState.ExpectingVal, bank.Status().TransferState);

        // The transfers in progress are untouched and still complete.
        inEpa.SendVal().SendAck();
        Assert.Equal(TransferState.Idle, shop.Status().TransferState);
    }

    [Fact]
    public void A_val_diverted_to_a_third_purse_waiting_for_a_val_from_the_same_payer_changes_nothing()
    {
        PurseUnderTest alice = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        PurseUnderTest bob = Issued(PurseClass.Customer, Eur);
        PurseUnderTest carol = Issued(PurseClass.Merchant, Eur);
        // Carol starts a transfer from alice and waits in epv: a val signed by alice's key is what she expects.
        new PaymentHost(alice, carol, Eur, 300).Start();
        // Alice starts over with bob (her START aborts the transfer to carol) and sends bob her val.
        PaymentHost toBob = new PaymentHost(alice, bob, Eur, 300).Start().SendReq();

        AssertAllRefusedWithoutChange([carol], [toBob.Val!]);
        Assert.Equal(TransferState.ExpectingVal, carol.Status().TransferState);
        Assert.Equal(0u, carol.Balance(Eur));

        toBob.SendVal().SendAck();
        Assert.Equal(300u, bob.Balance(Eur));
        Assert.Equal(700u, alice.Balance(Eur));
    }

    [Fact]
    public void A_purse_own_messages_sent_back_to_it_are_refused()
    {
        PurseUnderTest payer = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        PurseUnderTest payee = Issued(PurseClass.Customer, Eur);
        PaymentHost payment = new PaymentHost(payer, payee, Eur, 10).Start().SendReq();
        AssertAllRefusedWithoutChange([payer], [payment.Val!]);
        AssertAllRefusedWithoutChange([payee], [payment.Req!]);
        Assert.Equal(TransferState.ExpectingAck, payer.Status().TransferState);
        Assert.Equal(TransferState.ExpectingVal, payee.Status().TransferState);
    }

    private static void AssertAllRefusedWithoutChange(IEnumerable<PurseUnderTest> purses, IReadOnlyList<ProtectedMessage> messages)
    {
        foreach (PurseUnderTest purse in purses)
        {
            foreach (ProtectedMessage message in messages)
            {
                foreach (CommandApdu command in new[] { PurseCommands.Req(Retyped(message, MessageType.Req)),
                             PurseCommands.Val(Retyped(message, MessageType.Val)), PurseCommands.Ack(Retyped(message, MessageType.Ack)) })
                {
                    byte[] before = purse.Snapshot();
                    ResponseApdu response = purse.Send(command);
                    Assert.True(response.StatusWord.Value is 0x6985 or 0x6982,
                        $"{purse} answered {response.StatusWord} to a replayed {message.Type} sent as {command.Ins:X2}");
                    Refusals.AssertSameMemory(before, purse.Snapshot());
                }
            }
            purse.AssertNoInternalErrors();
        }
    }

    /// <summary>The same PD and signature, labelled as another message (the bytes sent do not carry the type).</summary>
    private static ProtectedMessage Retyped(ProtectedMessage message, MessageType type) => new(type, message.Details, message.Signature);
}
