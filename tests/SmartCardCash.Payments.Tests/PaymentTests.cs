using System.Security.Cryptography;
using System.Text.Json;

namespace SmartCardCash.Payments.Tests;

public sealed class PaymentTests
{
    private readonly PaymentWorld _world = new();

    [Fact]
    public void A_payment_moves_the_value_and_reports_completed_with_the_payment_details()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        TestCard alice = _world.Customer("alice", 10_000, bank);
        TestCard bob = _world.Customer("bob");

        PaymentOutcome outcome = _world.Pay(alice, bob, 1_250);

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Equal("Paid EUR 12.50 from alice to bob.", outcome.Summary);
        Assert.Equal((Certainty.Yes, Certainty.Yes, ValueLocation.WithPayee), (outcome.Debited, outcome.Credited, outcome.Value));
        Assert.Equal(PaymentRemedy.None, outcome.Remedy);
        Assert.Null(outcome.Refusal);
        Assert.Empty(outcome.SideEffects);
        Assert.Empty(outcome.Recovery);
        PaymentSummary payment = Assert.IsType<PaymentSummary>(outcome.Payment);
        Assert.Equal((alice.Id.ToString(), bob.Id.ToString(), "EUR", 1_250u, "12.50"),
            (payment.From, payment.To, payment.Currency, payment.Amount, payment.AmountText));
        Assert.Equal(("idle", "idle"), (outcome.Payer.State, outcome.Payee!.State));
        Assert.Equal((8_750u, 1_250u), (alice.Balance(), bob.Balance()));
        PurseSnapshot after = bob.Read();
        Assert.True(after.Received(payment.Details));
        Assert.True(alice.Read().Sent(payment.Details));
    }

    [Fact]
    public void A_payment_takes_eleven_apdus_select_certificate_verify_on_each_card_then_the_five_protocol_messages()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        TestCard alice = _world.Customer("alice", 10_000, bank);
        TestCard bob = _world.Customer("bob");
        int payerBefore = alice.Channel.Sent.Count, payeeBefore = bob.Channel.Sent.Count;

        Assert.Equal(PaymentOutcomeKind.Completed, _world.Pay(alice, bob, 100).Kind);

        byte[] payerInstructions = [.. alice.Channel.Sent.Skip(payerBefore).Select(c => c[1])];
        byte[] payeeInstructions = [.. bob.Channel.Sent.Skip(payeeBefore).Select(c => c[1])];
        Assert.Equal([PurseInstruction.Select, PurseInstruction.GetData, PurseInstruction.VerifyCertificate,
            PurseInstruction.StartFrom, PurseInstruction.Req, PurseInstruction.Ack], payerInstructions);
        Assert.Equal([PurseInstruction.Select, PurseInstruction.GetData, PurseInstruction.VerifyCertificate,
            PurseInstruction.StartTo, PurseInstruction.Val], payeeInstructions);
    }

    [Fact]
    public void An_order_digest_is_bound_into_the_payment_details_both_purses_log()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        TestCard alice = _world.Customer("alice", 10_000, bank);
        TestCard shop = _world.Issued("shop", PurseClass.Merchant);
        byte[] digest = SHA256.HashData("order 42: one coffee"u8);

        PaymentOutcome outcome = _world.Pay(alice, shop, 350, orderDigest: digest);

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(Convert.ToHexString(digest), outcome.Payment!.OrderDigest);
        Assert.True(outcome.Payment.Details.OrderDigest.Span.SequenceEqual(digest));
        Assert.True(shop.Read().Received(outcome.Payment.Details));
    }

    [Fact]
    public void A_contact_t0_card_answering_through_get_response_pays_like_any_other()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        TestCard alice = _world.Issued("alice", PurseClass.Customer, Emulator.InterfaceProfile.ContactT0);
        _world.Load(bank, alice, 5_000);
        TestCard bob = _world.Issued("bob", PurseClass.Customer, Emulator.InterfaceProfile.ContactT0);

        Assert.Equal(PaymentOutcomeKind.Completed, _world.Pay(alice, bob, 2_000).Kind);
        Assert.Equal((3_000u, 2_000u), (alice.Balance(), bob.Balance()));
    }

    [Fact]
    public void The_outcome_serialises_to_json_with_names_not_numbers()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        TestCard alice = _world.Customer("alice", 10_000, bank);
        TestCard bob = _world.Customer("bob");

        PaymentOutcome outcome = _world.Pay(alice, bob, 1_250);
        string json = JsonSerializer.Serialize(outcome, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

        using JsonDocument document = JsonDocument.Parse(json);
        JsonElement root = document.RootElement;
        Assert.Equal("Completed", root.GetProperty("kind").GetString());
        Assert.Equal("Yes", root.GetProperty("debited").GetString());
        Assert.Equal("WithPayee", root.GetProperty("value").GetString());
        Assert.Equal(1_250, root.GetProperty("payment").GetProperty("amount").GetInt32());
        Assert.Equal("idle", root.GetProperty("payer").GetProperty("state").GetString());
        Assert.False(root.GetProperty("payment").TryGetProperty("details", out _));
    }
}
