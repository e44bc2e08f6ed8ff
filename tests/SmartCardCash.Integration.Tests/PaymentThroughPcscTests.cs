using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Vpcd;
using SmartCardCash.Integration.Tests.PaymentSupport;
using SmartCardCash.Payments.Tests.Support;
using SmartCardCash.Pcsc;
using SmartCardCash.Purse;

namespace SmartCardCash.Integration.Tests;

/// <summary>
/// Card-to-card payments by the same <see cref="PaymentCoordinator"/> as in process, between purse images the vpcd
/// bridge puts into the private pcscd's readers, every APDU through PC/SC (SCardTransmit on a <see cref="PcscCard"/>).
/// Cards are pulled out mid-payment by the bridge's tearing: the outcome must be true of the cards read back, every
/// cent accounted for, and recovery with the card back must settle the payment as the spec says.
/// </summary>
[Collection(PcscdCollection.Name)]
public sealed class PaymentThroughPcscTests(PcscdFixture fixture)
{
    private const uint AliceStart = 10_000;
    private const uint Amount = 1_250;

    private PrivatePcscd Pcscd => fixture.Required;

    [PcscdFact]
    public void A_customer_pays_a_merchant_card_to_card_through_pcscd_and_the_images_show_it()
    {
        using var purses = new AttachedPurses(Pcscd);
        purses.Create("alice", PurseClass.Customer);
        // The shop's card is T=0: its answers come through GET RESPONSE, over vpcd and pcscd too.
        purses.Create("shop", PurseClass.Merchant, InterfaceProfile.ContactT0);
        purses.CreateBankAndLoad(100_000, ("alice", AliceStart));
        VpcdBridge aliceSlot = purses.Attach(0, "alice");
        VpcdBridge shopSlot = purses.Attach(1, "shop");
        long aliceBefore = aliceSlot.Statistics.ApdusForwarded, shopBefore = shopSlot.Statistics.ApdusForwarded;

        PaymentOutcome outcome;
        using (CardConnection alice = purses.Connect(0))
        using (CardConnection shop = purses.Connect(1))
        {
            Assert.Equal(PcscdFixture.ReaderSlot0, alice.Channel.Name);
            Assert.Equal(CardAddressKind.Pcsc, shop.Address.Kind);
            outcome = purses.Coordinator.Pay(PurseCard.Open(alice.Channel, alice.DisplayName), PurseCard.Open(shop.Channel, shop.DisplayName), Request(Amount), purses.Policy);
        }

        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        Assert.Equal((Certainty.Yes, Certainty.Yes, ValueLocation.WithPayee), (outcome.Debited, outcome.Credited, outcome.Value));
        // Every APDU went through the readers: SELECT, GET DATA, VERIFY CERTIFICATE, START FROM, REQ, ACK to alice;
        // the same up to START TO and VAL to the shop, with a GET RESPONSE after SELECT, START TO and VAL.
        Assert.Equal(6, aliceSlot.Statistics.ApdusForwarded - aliceBefore);
        Assert.Equal(8, shopSlot.Statistics.ApdusForwarded - shopBefore);
        purses.Detach(0);
        purses.Detach(1);
        PurseSnapshot aliceAfter = purses.ReadImage("alice"), shopAfter = purses.ReadImage("shop");
        Assert.Equal((AliceStart - Amount, Amount), (aliceAfter.Balance, shopAfter.Balance));
        Assert.True(aliceAfter.Sent(outcome.Payment!.Details) && shopAfter.Received(outcome.Payment.Details));
        Assert.Equal((TransferState.Idle, TransferState.Idle), (aliceAfter.State, shopAfter.State));
        Assert.Empty(aliceAfter.Exceptions!);
        Assert.Empty(shopAfter.Exceptions!);
    }

    [PcscdFact]
    public void A_contactless_payer_above_its_limit_needs_its_lock_code_and_pays_with_it_through_pcscd()
    {
        using var purses = new AttachedPurses(Pcscd);
        purses.Create("alice", PurseClass.Customer);
        purses.Create("shop", PurseClass.Merchant);
        purses.CreateBankAndLoad(100_000, ("alice", AliceStart));
        // A contact image used through the contactless slot: pseudo-ATR, and the purse applies its contactless limit.
        VpcdBridge aliceSlot = purses.Attach(0, "alice", through: InterfaceProfile.Contactless);
        purses.Attach(1, "shop");
        const uint aboveLimit = 6_000;

        PaymentOutcome refused, paid;
        using (CardConnection alice = purses.Connect(0))
        using (CardConnection shop = purses.Connect(1))
        {
            Assert.Equal(aliceSlot.Atr.ToArray(), alice.Channel.Atr.ToArray());
            Assert.Equal(Hex(AnswerToReset.For(InterfaceProfile.Contactless)), Hex(alice.Channel.Atr.ToArray()));
            refused = purses.Coordinator.Pay(PurseCard.Open(alice.Channel, alice.DisplayName), PurseCard.Open(shop.Channel, shop.DisplayName), Request(aboveLimit), purses.Policy);
            paid = purses.Coordinator.Pay(PurseCard.Open(alice.Channel, alice.DisplayName), PurseCard.Open(shop.Channel, shop.DisplayName), Request(aboveLimit, AttachedPurses.LockCode), purses.Policy);
        }

        Assert.True(refused.Kind == PaymentOutcomeKind.NotStarted, refused.Summary);
        Assert.Equal(PaymentParty.Payer, refused.Refusal!.By);
        Assert.Equal(ValueLocation.WithPayer, refused.Value);
        Assert.True(paid.Kind == PaymentOutcomeKind.Completed, paid.Summary);
        purses.Detach(0);
        purses.Detach(1);
        PurseSnapshot aliceAfter = purses.ReadImage("alice"), shopAfter = purses.ReadImage("shop");
        Assert.Equal((AliceStart - aboveLimit, aboveLimit), (aliceAfter.Balance, shopAfter.Balance));
        Assert.True(shopAfter.Received(paid.Payment!.Details));
        Assert.Empty(aliceAfter.Exceptions!);
    }

    /// <summary>
    /// Command numbers per slot, counted from the payment's first APDU on contact T=1 cards: the payer (slot 0) gets
    /// SELECT 1, GET DATA 2, VERIFY CERTIFICATE 3, START FROM 4, REQ 5, ACK 6; the payee (slot 1) SELECT 1, GET DATA 2,
    /// VERIFY CERTIFICATE 3, START TO 4, VAL 5. A tear during a command at its first write leaves the card as before it.
    /// </summary>
    public static TheoryData<int, VpcdTearPoint, int, byte, PaymentOutcomeKind> Tears() => new()
    {
        { 1, VpcdTearPoint.BeforeCommand, 5, PurseInstruction.Val, PaymentOutcomeKind.Interrupted },
        { 1, VpcdTearPoint.DuringCommand, 5, PurseInstruction.Val, PaymentOutcomeKind.Interrupted },
        { 1, VpcdTearPoint.AfterResponse, 5, PurseInstruction.Val, PaymentOutcomeKind.Completed },
        { 0, VpcdTearPoint.BeforeCommand, 5, PurseInstruction.Req, PaymentOutcomeKind.Interrupted },
        { 0, VpcdTearPoint.AfterResponse, 5, PurseInstruction.Req, PaymentOutcomeKind.CompletedAwaitingAcknowledgement },
        { 0, VpcdTearPoint.DuringCommand, 6, PurseInstruction.Ack, PaymentOutcomeKind.CompletedAwaitingAcknowledgement },
        { 1, VpcdTearPoint.BeforeCommand, 4, PurseInstruction.StartTo, PaymentOutcomeKind.NotStarted },
    };

    [PcscdTheory]
    [MemberData(nameof(Tears))]
    public void A_card_pulled_mid_payment_gives_a_true_outcome_loses_no_value_and_recovery_settles_it_once_it_is_back(
        int slot, VpcdTearPoint point, int command, byte instruction, PaymentOutcomeKind expected)
    {
        using var purses = new AttachedPurses(Pcscd);
        purses.Create("alice", PurseClass.Customer);
        purses.Create("shop", PurseClass.Merchant);
        purses.CreateBankAndLoad(100_000, ("alice", AliceStart));
        VpcdBridge[] slots = [purses.Attach(0, "alice"), purses.Attach(1, "shop")];
        var torn = new List<VpcdTearEventArgs>();
        slots[slot].Torn += (_, e) =>
        {
            lock (torn)
            {
                torn.Add(e);
            }
        };

        PaymentOutcome outcome;
        using (CardConnection alice = purses.Connect(0))
        using (CardConnection shop = purses.Connect(1))
        {
            // Armed after connecting: the next command on the slot is number 1.
            slots[slot].ArmTearing(VpcdTearing.AtCommand(command, point));
            outcome = purses.Coordinator.Pay(PurseCard.Open(alice.Channel, alice.DisplayName), PurseCard.Open(shop.Channel, shop.DisplayName), Request(Amount), purses.Policy);
        }

        VpcdTearEventArgs tear;
        lock (torn)
        {
            tear = Assert.Single(torn);
        }
        Assert.Equal(instruction, tear.Command.Span[1]);
        Assert.True(outcome.Kind == expected, $"{outcome.Kind}: {outcome.Summary}");
        purses.Reinsert(slot);

        using (CardConnection alice = purses.Connect(0))
        using (CardConnection shop = purses.Connect(1))
        {
            PurseCard payer = PurseCard.Open(alice.Channel, alice.DisplayName), payee = PurseCard.Open(shop.Channel, shop.DisplayName);
            // (a) the outcome is true of the cards as they are now and (b) every cent is accounted for.
            PurseSnapshot payerNow = PurseSnapshot.Read(payer, "alice"), payeeNow = PurseSnapshot.Read(payee, "shop");
            OutcomeAudit.AssertTrue(outcome, payerNow, payeeNow, AliceStart, 0);
            Assert.Equal(AliceStart, Ledger.Accounted([payerNow, payeeNow]));

            // (c) recovery with both cards in their readers finishes what was started, and finds nothing the second time.
            PaymentOutcome recovered = purses.Coordinator.Recover(payer, payee);
            PaymentOutcomeKind settled = expected is PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.Completed
                ? PaymentOutcomeKind.NothingToRecover
                : PaymentOutcomeKind.Completed;
            Assert.True(recovered.Kind == settled, $"{recovered.Kind}: {recovered.Summary}");
            Assert.Equal(PaymentOutcomeKind.NothingToRecover, purses.Coordinator.Recover(payer, payee).Kind);
        }

        purses.Detach(0);
        purses.Detach(1);
        PurseSnapshot aliceAfter = purses.ReadImage("alice"), shopAfter = purses.ReadImage("shop");
        Assert.Equal((TransferState.Idle, TransferState.Idle), (aliceAfter.State, shopAfter.State));
        uint paid = expected == PaymentOutcomeKind.NotStarted ? 0 : Amount;
        Assert.Equal((AliceStart - paid, paid), (aliceAfter.Balance, shopAfter.Balance));
        Assert.Empty(aliceAfter.Exceptions!);
        Assert.Empty(shopAfter.Exceptions!);
    }

    [PcscdFact]
    public void A_payee_gone_for_good_is_abandoned_on_the_payer_through_pcscd_and_the_value_is_in_its_exception_log()
    {
        using var purses = new AttachedPurses(Pcscd);
        purses.Create("alice", PurseClass.Customer);
        purses.Create("shop", PurseClass.Merchant);
        purses.CreateBankAndLoad(100_000, ("alice", AliceStart));
        purses.Attach(0, "alice");
        VpcdBridge shopSlot = purses.Attach(1, "shop");

        PaymentOutcome outcome, abandoned;
        using (CardConnection alice = purses.Connect(0))
        using (CardConnection shop = purses.Connect(1))
        {
            shopSlot.ArmTearing(VpcdTearing.AtCommand(5, VpcdTearPoint.BeforeCommand));    // VAL never reaches the shop
            outcome = purses.Coordinator.Pay(PurseCard.Open(alice.Channel, alice.DisplayName), PurseCard.Open(shop.Channel, shop.DisplayName), Request(Amount), purses.Policy);
        }
        using (CardConnection alice = purses.Connect(0))
        {
            abandoned = purses.Coordinator.Abandon(PurseCard.Open(alice.Channel, alice.DisplayName));
        }

        Assert.True(outcome.Kind == PaymentOutcomeKind.Interrupted, outcome.Summary);
        Assert.True(abandoned.Kind == PaymentOutcomeKind.ValueLogged, abandoned.Summary);
        Assert.Equal(ValueLocation.PayerExceptionLog, abandoned.Value);
        purses.Detach(0);
        purses.Detach(1);
        PurseSnapshot aliceAfter = purses.ReadImage("alice"), shopAfter = purses.ReadImage("shop");
        PaymentDetails pd = outcome.Payment!.Details;
        Assert.Equal(AliceStart - Amount, aliceAfter.Balance);
        Assert.True(aliceAfter.Logged(pd, ExceptionReason.PayerAbortedInEpa));
        // The shop never got the VAL: still expecting it, nothing credited, and the bank's sum is whole.
        Assert.True(shopAfter.IsIn(TransferState.ExpectingVal, pd));
        Assert.Equal(0u, shopAfter.Balance);
        Assert.Equal(AliceStart, Ledger.Accounted([aliceAfter, shopAfter]));
    }

    private static PaymentRequest Request(uint cents, string? lockCode = null) =>
        new(Money.Of(Currency.Eur, cents)) { LockCode = lockCode };

    private static string Hex(byte[] bytes) => Convert.ToHexString(bytes);
}
