using CsCheck;
using SmartCardCash.Emulator;

namespace SmartCardCash.Purse.Applet.Tests;

/// <summary>Whole payments between applet purses (spec 4.2) and the two properties of spec 4.4: no value created, all accounted.</summary>
public class PaymentTests
{
    [Fact]
    public void A_bank_load_moves_value_from_the_bank_purse_to_a_customer()
    {
        PurseUnderTest bank = Bank(500_000, Eur);
        PurseUnderTest customer = Issued(PurseClass.Customer, Eur);

        PaymentHost payment = PaymentHost.Pay(bank, customer, Eur, 25_000);

        Assert.Equal(475_000u, bank.Balance(Eur));
        Assert.Equal(25_000u, customer.Balance(Eur));
        Assert.Equal(bank.Id, payment.Details!.From);
        Assert.Equal(customer.Id, payment.Details.To);
        AssertIdleAndClean(bank, customer);
    }

    [Fact]
    public void A_customer_pays_another_customer()
    {
        PurseUnderTest bank = Bank(500_000, Eur, Gbp);
        PurseUnderTest alice = Issued(PurseClass.Customer, Eur, Gbp);
        PurseUnderTest bob = Issued(PurseClass.Customer, Gbp);
        PaymentHost.Pay(bank, alice, Gbp, 3_000);

        PaymentHost.Pay(alice, bob, Gbp, 1_250);

        Assert.Equal(1_750u, alice.Balance(Gbp));
        Assert.Equal(1_250u, bob.Balance(Gbp));
        Assert.Equal(500_000u - 3_000u, bank.Balance(Gbp));
        AssertIdleAndClean(alice, bob);
    }

    [Fact]
    public void A_customer_buys_from_a_merchant_with_an_order_digest_and_gets_a_refund()
    {
        PurseUnderTest bank = Bank(500_000, Eur);
        PurseUnderTest customer = Issued(PurseClass.Customer, Eur);
        PurseUnderTest shop = Issued(PurseClass.Merchant, Eur);
        PaymentHost.Pay(bank, customer, Eur, 10_000);
        byte[] order = System.Security.Cryptography.SHA256.HashData("2 coffees, table 4"u8);

        PaymentHost purchase = new PaymentHost(customer, shop, Eur, 640, order).Complete();
        Assert.Equal(order, purchase.Details!.OrderDigest.ToArray());
        PaymentHost.Pay(shop, customer, Eur, 40);
        PaymentHost.Pay(shop, bank, Eur, 600);

        Assert.Equal(9_400u, customer.Balance(Eur));
        Assert.Equal(0u, shop.Balance(Eur));
        Assert.Equal(490_600u, bank.Balance(Eur));
        AssertIdleAndClean(customer, shop, bank);
    }

    [Fact]
    public void A_payment_from_a_contactless_card_to_a_contact_T0_card_through_the_host_pipeline()
    {
        PurseUnderTest payer = IssuedOn(InterfaceProfile.Contactless, PurseClass.Customer, Eur);
        PurseUnderTest payee = IssuedOn(InterfaceProfile.ContactT0, PurseClass.Merchant, Eur);
        payer.Receive(Peers.Bank, Eur, 5_000, 60);

        PaymentHost.Pay(payer, payee, Eur, ContactlessLimit);

        Assert.Equal(5_000u - ContactlessLimit, payer.Balance(Eur));
        Assert.Equal(ContactlessLimit, payee.Balance(Eur));
        AssertIdleAndClean(payer, payee);
        // Without the pipeline, T=0 answers a case 4 command (SELECT, START, REQ, VAL…) with 61xx: the data wait for GET RESPONSE.
        ResponseApdu raw = payee.Card.Emulated.Transmit(PurseCommands.Select());
        Assert.Equal(0x61, raw.Sw1);
        Assert.Equal(payee.SendOk(PurseCommands.Select()).Length, raw.Sw2);
    }

    /// <summary>The kinds of things a host can do with one payment, including losing messages.</summary>
    private enum Outcome
    {
        Completed,
        AbandonedBeforeReq,
        ValLost,
        AckLost,
        ResumedAfterPowerLoss,
    }

    [Fact]
    public void Over_any_sequence_of_payments_aborts_and_resumes_no_value_is_created_and_all_is_accounted()
    {
        (int Payer, int Payee)[] allowed = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 1), (1, 0), (3, 0), (3, 1), (2, 0)];
        Gen.Select(Gen.Int[0, allowed.Length - 1], Gen.Int[0, 4], Gen.UInt[1, 400]).Array[1, 10]
            .Sample(operations =>
            {
                const uint minted = 20_000;
                PurseUnderTest bank = Bank(minted, Eur);
                PurseUnderTest[] purses = [bank, Issued(PurseClass.Customer, Eur), Issued(PurseClass.Customer, Eur), Issued(PurseClass.Merchant, Eur)];
                PaymentHost.Pay(bank, purses[1], Eur, 3_000);
                PaymentHost.Pay(bank, purses[2], Eur, 3_000);
                var expected = new long[] { minted - 6_000, 3_000, 3_000, 0 };
                long lost = 0;

                foreach ((int pair, int outcome, uint value) in operations)
                {
                    (int from, int to) = allowed[pair];
                    if (expected[from] < value)
                    {
                        continue;
                    }
                    PurseUnderTest payer = purses[from], payee = purses[to];
                    var payment = new PaymentHost(payer, payee, Eur, value).Start();
                    switch ((Outcome)outcome)
                    {
                        case Outcome.Completed:
                            payment.SendReq().SendVal().SendAck();
                            expected[from] -= value;
                            expected[to] += value;
                            break;
                        case Outcome.AbandonedBeforeReq:
                            payer.SendOk(PurseCommands.Abort());
                            payee.SendOk(PurseCommands.Abort());
                            break;
                        case Outcome.ValLost:
                            payment.SendReq();
                            payer.SendOk(PurseCommands.Abort());
                            payee.SendOk(PurseCommands.Abort());
                            expected[from] -= value;
                            lost += value;
                            break;
                        case Outcome.AckLost:
                            payment.SendReq().SendVal();
                            payer.SendOk(PurseCommands.Abort());
                            expected[from] -= value;
                            expected[to] += value;
                            break;
                        default:
                            payment.SendReq();
                            payer.PowerCycle();
                            ProtectedMessage val = ProtectedMessage.ParseResume(payer.SendOk(PurseCommands.Resume()));
                            payer.SendOk(PurseCommands.Ack(ProtectedMessage.Parse(MessageType.Ack, payee.SendOk(PurseCommands.Val(val)))));
                            expected[from] -= value;
                            expected[to] += value;
                            break;
                    }
                    // No value created, at every step.
                    Assert.True(purses.Sum(p => (long)p.TotalBalance()) <= minted, "value was created");
                }

                Assert.Equal(expected, purses.Select(p => (long)p.Balance(Eur)).ToArray());
                // All value accounted: what the balances miss is exactly the "definitely lost" transfers, those the
                // payer logged as 01 and the payee as 02 (spec 4.4, invariant 6).
                var logs = purses.SelectMany(p => p.ExceptionLog()).Select(e => e.Record).ToList();
                long definitelyLost = logs.Where(r => r.Reason == ExceptionReason.PayerAbortedInEpa)
                    .Where(r => logs.Contains(r with { Reason = ExceptionReason.PayeeAbortedInEpv }))
                    .Sum(r => (long)r.Details.Value);
                Assert.Equal(lost, definitelyLost);
                Assert.Equal(minted, purses.Sum(p => (long)p.Balance(Eur)) + definitelyLost);
                foreach (PurseUnderTest purse in purses)
                {
                    purse.AssertNoInternalErrors();
                }
            }, iter: 12);
    }

    private static void AssertIdleAndClean(params PurseUnderTest[] purses)
    {
        foreach (PurseUnderTest purse in purses)
        {
            PurseStatus status = purse.Status();
            Assert.Equal(TransferState.Idle, status.TransferState);
            Assert.Equal(0, status.ExceptionLogCount);
            purse.AssertNoInternalErrors();
        }
    }
}
