using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse.Tests.Support;

namespace SmartCardCash.Payments.Tests;

/// <summary>Every refusal ends "not started": nothing debited, balances as they were, and who refused and why.</summary>
public sealed class RefusalTests
{
    private readonly PaymentWorld _world = new();
    private readonly TestCard _bank;

    public RefusalTests()
    {
        _bank = _world.Bank("bank", 1_000_000);
    }

    private PaymentOutcome AssertNotStarted(PaymentOutcome outcome, PaymentParty by, RefusalReason reason, params TestCard[] cards)
    {
        Assert.True(outcome.Kind == PaymentOutcomeKind.NotStarted, outcome.Summary);
        PaymentRefusal refusal = Assert.IsType<PaymentRefusal>(outcome.Refusal);
        Assert.Equal((by, reason), (refusal.By, refusal.Reason));
        Assert.Equal((Certainty.No, Certainty.No, ValueLocation.WithPayer), (outcome.Debited, outcome.Credited, outcome.Value));
        Assert.StartsWith("Nothing was paid: ", outcome.Summary);
        foreach (TestCard card in cards)
        {
            PurseSnapshot snapshot = card.Read();
            Assert.Equal(TransferState.Idle, snapshot.State);
            Assert.DoesNotContain(snapshot.Exceptions!, e => e.Record.Reason == ExceptionReason.PayerAbortedInEpa);
        }
        return outcome;
    }

    [Fact]
    public void Insufficient_funds_is_refused_by_the_payer_with_what_it_holds()
    {
        TestCard alice = _world.Customer("alice", 1_000, _bank);
        TestCard bob = _world.Customer("bob");

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, bob, 1_250), PaymentParty.Payer, RefusalReason.RefusedByCard, alice, bob);

        Assert.Equal("9401", outcome.Refusal!.StatusWord);
        Assert.Contains("alice has EUR 10.00; the payment needs EUR 12.50", outcome.Refusal.Message);
        Assert.False(outcome.IsSecurityRefusal);
        Assert.Equal((1_000u, 0u), (alice.Balance(), bob.Balance()));
    }

    [Fact]
    public void The_payers_transaction_limit_is_refused_by_the_payer()
    {
        TestCard alice = _world.Customer("alice", 30_000, _bank);
        TestCard shop = _world.Issued("shop", PurseClass.Merchant);

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, shop, 25_000), PaymentParty.Payer, RefusalReason.RefusedByCard, alice, shop);

        Assert.Equal("9403", outcome.Refusal!.StatusWord);
        Assert.Contains("EUR 250.00 is above alice's transaction limit of EUR 200.00", outcome.Refusal.Message);
        Assert.Equal((30_000u, 0u), (alice.Balance(), shop.Balance()));
    }

    [Fact]
    public void The_payees_maximum_balance_is_refused_by_the_payee_and_the_payers_start_is_aborted_without_a_log()
    {
        TestCard bob = _world.Customer("bob", 45_000, _bank);

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(_bank, bob, 6_000), PaymentParty.Payee, RefusalReason.RefusedByCard, _bank, bob);

        Assert.Equal("9402", outcome.Refusal!.StatusWord);
        Assert.Contains("bob holds EUR 450.00 of at most EUR 500.00; EUR 60.00 more would exceed it", outcome.Refusal.Message);
        Assert.Contains(outcome.SideEffects, s => s.StartsWith("bank's started transfer was aborted", StringComparison.Ordinal));
        Assert.Equal(45_000u, bob.Balance());
    }

    [Fact]
    public void A_currency_the_payee_does_not_hold_is_refused_by_the_terminal_before_any_start()
    {
        TestCard alice = _world.Customer("alice", 1_000, _bank);
        TestCard pounds = _world.Issued("pounds", PurseClass.Customer,
            request: PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Gbp.Code], PaymentWorld.LockCode));
        int payerApdus = alice.Channel.Sent.Count;

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, pounds, 100), PaymentParty.Terminal, RefusalReason.CurrencyNotHeld, alice);

        Assert.Contains("pounds holds no EUR pocket (its currencies are GBP)", outcome.Summary);
        Assert.DoesNotContain(alice.Channel.Sent.Skip(payerApdus), c => c[1] == PurseInstruction.StartFrom);
    }

    [Fact]
    public void A_merchant_paying_a_merchant_is_refused_by_the_terminal()
    {
        TestCard shop = _world.Issued("shop", PurseClass.Merchant);
        _world.Load(_bank, shop, 1_000);
        TestCard other = _world.Issued("other", PurseClass.Merchant);

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(shop, other, 100), PaymentParty.Terminal, RefusalReason.ClassesMayNotTransfer, shop, other);

        Assert.Contains("a merchant purse (shop) may not pay a merchant purse (other)", outcome.Summary);
    }

    [Fact]
    public void A_locked_purse_cannot_pay_but_can_receive()
    {
        TestCard alice = _world.Customer("alice", 1_000, _bank);
        TestCard bob = _world.Customer("bob", 1_000, _bank);
        alice.Purse.Select();
        alice.Purse.Lock(PaymentWorld.LockCode);

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, bob, 100), PaymentParty.Payer, RefusalReason.RefusedByCard, alice, bob);

        Assert.Contains("alice is locked", outcome.Refusal!.Message);
        Assert.Equal(PaymentOutcomeKind.Completed, _world.Pay(bob, alice, 100).Kind);
    }

    [Fact]
    public void Contactless_above_the_limit_needs_the_lock_code_and_pays_with_it()
    {
        TestCard alice = _world.Issued("alice", PurseClass.Customer, InterfaceProfile.Contactless);
        _world.Load(_bank, alice, 10_000);
        TestCard bob = _world.Customer("bob");

        PaymentOutcome without = AssertNotStarted(_world.Pay(alice, bob, 6_000), PaymentParty.Payer, RefusalReason.RefusedByCard, alice, bob);
        Assert.Contains("needs its lock code for a contactless payment of EUR 60.00, above its contactless limit of EUR 50.00",
            without.Refusal!.Message);

        PaymentOutcome wrong = AssertNotStarted(_world.Pay(alice, bob, 6_000, lockCode: "9999"), PaymentParty.Payer,
            RefusalReason.RefusedByCard, alice, bob);
        Assert.Contains("wrong lock code", wrong.Refusal!.Message);

        Assert.Equal(PaymentOutcomeKind.Completed, _world.Pay(alice, bob, 6_000, lockCode: PaymentWorld.LockCode).Kind);
        Assert.Equal(PaymentOutcomeKind.Completed, _world.Pay(alice, bob, 1_000).Kind);
        Assert.Equal((3_000u, 7_000u), (alice.Balance(), bob.Balance()));
    }

    [Fact]
    public void A_hotlisted_purse_is_refused_for_security_on_either_side_without_touching_the_cards()
    {
        TestCard alice = _world.Customer("alice", 1_000, _bank);
        TestCard bob = _world.Customer("bob");
        _world.Policy = new PaymentPolicy(_world.Issuer.Certificate, Hotlist.Parse($"# cloned\n{bob.Id}\n", "hotlist.txt"), _world.Time);
        int payerApdus = alice.Channel.Sent.Count;

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, bob, 100), PaymentParty.Terminal, RefusalReason.Hotlisted, alice, bob);
        Assert.True(outcome.IsSecurityRefusal);
        Assert.Contains($"bob (purse {bob.Id}) is on the hotlist (hotlist.txt)", outcome.Summary);
        Assert.Equal([PurseInstruction.Select, PurseInstruction.GetData], alice.Channel.Sent.Skip(payerApdus).Select(c => c[1]).ToArray()[..2]);
        Assert.DoesNotContain(alice.Channel.Sent.Skip(payerApdus), c => c[1] is PurseInstruction.VerifyCertificate or PurseInstruction.StartFrom);

        Assert.Equal(RefusalReason.Hotlisted, _world.Pay(bob, alice, 100).Refusal?.Reason);
    }

    [Fact]
    public void A_certificate_expired_by_the_terminals_clock_is_a_security_refusal()
    {
        TestCard alice = _world.Issued("alice", PurseClass.Customer,
            request: PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode) with { ValidityYears = 1 });
        _world.Load(_bank, alice, 1_000);
        TestCard bob = _world.Customer("bob");
        _world.Policy = new PaymentPolicy(_world.Issuer.Certificate, null, new FixedTime(FixedTime.Instant.AddYears(2)));

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, bob, 100), PaymentParty.Terminal, RefusalReason.CertificateExpired, alice, bob);

        Assert.True(outcome.IsSecurityRefusal);
        Assert.Contains("alice's certificate expired on 2027-01-10", outcome.Summary);
    }

    [Fact]
    public void A_certificate_expired_by_the_counterpartys_trusted_date_is_refused_by_that_card()
    {
        TestCard alice = _world.Issued("alice", PurseClass.Customer,
            request: PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode) with { ValidityYears = 1 });
        _world.Load(_bank, alice, 1_000);
        // bob is issued after alice's certificate ran out: his trusted date is past it, though the terminal's clock is not.
        var later = new PursePersonaliser(_world.Issuer, _world.Serials, new FixedTime(FixedTime.Instant.AddYears(2)));
        TestCard bob = _world.Blank("bob");
        bob.Result = later.Personalise(bob.Purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode));

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, bob, 100), PaymentParty.Payee, RefusalReason.CertificateRefusedByCard, alice, bob);

        Assert.True(outcome.IsSecurityRefusal);
        Assert.Equal("9406", outcome.Refusal!.StatusWord);
    }

    [Fact]
    public void A_purse_of_another_issuer_is_an_untrusted_certificate()
    {
        TestCard alice = _world.Customer("alice", 1_000, _bank);
        var foreign = new PaymentWorld();
        var strangeIssuer = Issuer.Create(new IssuerId(0x0BADBEEF), PaymentWorld.Today);
        var strangers = new PursePersonaliser(strangeIssuer, new SequentialSerials(), foreign.Time);
        TestCard mallory = foreign.Blank("mallory");
        mallory.Result = strangers.Personalise(mallory.Purse,
            PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode));

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, mallory, 100), PaymentParty.Terminal, RefusalReason.UntrustedCertificate, alice);

        Assert.True(outcome.IsSecurityRefusal);
        Assert.Contains("mallory's certificate is not to be trusted: it is from issuer 0BADBEEF, not the trusted issuer 5343430A", outcome.Summary);
    }

    [Fact]
    public void The_same_purse_on_both_sides_is_refused()
    {
        TestCard alice = _world.Customer("alice", 1_000, _bank);

        PaymentOutcome outcome = AssertNotStarted(_world.Pay(alice, alice, 100), PaymentParty.Terminal, RefusalReason.SamePurse, alice);

        Assert.Contains("are the same purse", outcome.Summary);
    }

    [Fact]
    public void A_blocked_purse_is_refused_before_anything_starts()
    {
        TestCard alice = _world.Customer("alice", 1_000, _bank);
        TestCard bob = _world.Customer("bob");
        bob.Purse.Select();
        bob.Purse.Deactivate(_world.Issuer);

        PaymentOutcome outcome = _world.Pay(alice, bob, 100);

        Assert.Equal(RefusalReason.PurseNotIssued, outcome.Refusal?.Reason);
        Assert.Contains("bob is blocked by the issuer", outcome.Summary);
        Assert.Equal(1_000u, alice.Balance());
    }

    [Fact]
    public void A_purse_left_in_a_transfer_is_not_started_over_unless_forced_and_forcing_logs_the_old_transfer()
    {
        TestCard alice = _world.Customer("alice", 5_000, _bank);
        TestCard bob = _world.Customer("bob");
        TestCard carol = _world.Customer("carol");
        PaymentDetails old = PaymentWorld.StartAndStop(alice, bob, 1_000, PurseInstruction.Val);   // alice epa, bob epv
        int payerApdus = alice.Channel.Sent.Count;

        PaymentOutcome refused = _world.Pay(alice, carol, 500);

        Assert.Equal(PaymentOutcomeKind.NotStarted, refused.Kind);
        Assert.Equal((PaymentParty.Payer, RefusalReason.PurseNotIdle), (refused.Refusal!.By, refused.Refusal.Reason));
        Assert.Equal(PaymentRemedy.RecoverEarlierTransfer, refused.Remedy);
        Assert.Equal(old, refused.Refusal.UnfinishedTransfer!.Details);
        Assert.Contains("alice has an unfinished transfer from an earlier payment, epa (EUR 10.00", refused.Summary);
        Assert.DoesNotContain(alice.Channel.Sent.Skip(payerApdus), c => c[1] is PurseInstruction.StartFrom or PurseInstruction.Abort);
        Assert.True(alice.Read().IsIn(TransferState.ExpectingAck, old));

        PaymentOutcome forced = _world.Pay(alice, carol, 500, force: true);

        Assert.Equal(PaymentOutcomeKind.Completed, forced.Kind);
        Assert.Contains(forced.SideEffects, s => s.Contains("alice's unfinished earlier transfer (epa, EUR 10.00", StringComparison.Ordinal) &&
            s.Contains("exception log (reason 01)", StringComparison.Ordinal));
        PurseSnapshot[] all = [alice.Read(), carol.Read(), bob.Read()];
        Assert.True(all[0].Logged(old, ExceptionReason.PayerAbortedInEpa));
        Assert.Equal((3_500u, 500u), (all[0].Balance, all[1].Balance));
        Assert.Equal(5_000, Ledger.Accounted(all));
    }

    [Fact]
    public void A_payee_left_waiting_is_not_started_over_unless_forced()
    {
        TestCard alice = _world.Customer("alice", 5_000, _bank);
        TestCard bob = _world.Customer("bob");
        TestCard carol = _world.Customer("carol", 1_000, _bank);
        PaymentWorld.StartAndStop(alice, bob, 1_000, PurseInstruction.Req);   // alice epr, bob epv

        PaymentOutcome refused = _world.Pay(carol, bob, 500);
        Assert.Equal((PaymentParty.Payee, RefusalReason.PurseNotIdle), (refused.Refusal!.By, refused.Refusal.Reason));

        PaymentOutcome forced = _world.Pay(carol, bob, 500, force: true);
        Assert.Equal(PaymentOutcomeKind.Completed, forced.Kind);
        Assert.Contains(forced.SideEffects, s => s.Contains("bob's unfinished earlier transfer (epv", StringComparison.Ordinal));
    }
}
