using SmartCardCash.Iso7816;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Remote;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// The receiving side checks the payer for itself: the payer's terminal (here the coordinator with a policy that
/// checks nothing the listener does) is not to be trusted. And it serves only the payee role of its card: never while
/// the card is itself paying.
/// </summary>
public sealed class RemoteScreeningTests
{
    /// <summary>How long the listener keeps other payers off a payment its card has not finished.</summary>
    private static readonly TimeSpan Hold = TimeSpan.FromMinutes(3);

    private readonly PaymentWorld _world = new();
    private readonly TestCard _bank;
    private readonly TestCard _alice;
    private readonly TestCard _bob;

    public RemoteScreeningTests()
    {
        _bank = _world.Bank("bank", 100_000);
        _alice = _world.Customer("alice", 10_000, _bank);
        _bob = _world.Customer("bob", 2_000, _bank);
    }

    private PaymentOutcome PayRemotely(TestCard payer, RunningListener listener, uint euroCents)
    {
        using RemoteCardChannel remote = listener.Connect();
        return _world.Coordinator.Pay(payer.Purse, PurseCard.Open(remote), new PaymentRequest(Money.Of(Currency.Eur, euroCents)), _world.Policy);
    }

    /// <summary>The commands bob's card received from <paramref name="from"/> on, by instruction.</summary>
    private byte[] BobSaw(int from) => [.. _bob.Channel.Sent.Skip(from).Select(c => c[1])];

    /// <summary>bob's card behind a listener that holds an unfinished payment for <see cref="Hold"/>, by <paramref name="clock"/>.</summary>
    private RunningListener HoldingListener(ManualTime clock) =>
        new(_bob.Channel, new PayeeListenerOptions { CardName = "bob", Time = clock, UnfinishedPaymentHold = Hold });

    [Fact]
    public void A_hotlisted_payer_is_refused_by_the_listener_before_bobs_card_sees_its_certificate()
    {
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions
        {
            CardName = "bob",
            Hotlist = Hotlist.Parse($"# cloned\n{_alice.Id}\n", "hotlist.txt"),
        });
        int before = _bob.Channel.Sent.Count;

        PaymentOutcome outcome = PayRemotely(_alice, listener, 500);

        Assert.Equal(PaymentOutcomeKind.NotStarted, outcome.Kind);
        Assert.Equal(PaymentParty.Payee, outcome.Refusal!.By);
        Assert.Equal(RefusalReason.CertificateRefusedByCard, outcome.Refusal.Reason);
        Assert.Equal("6982", outcome.Refusal.StatusWord);
        Assert.True(outcome.IsSecurityRefusal);
        Assert.Contains("bars that purse", outcome.Refusal.Message);
        PayeeEvent refused = listener.WaitFor(PayeeEventKind.PaymentRefused);
        Assert.Equal("VERIFY CERTIFICATE", refused.Command);
        Assert.Equal("6982", refused.StatusWord);
        Assert.Contains($"purse {_alice.Id} is on the hotlist (hotlist.txt): the bank has barred it", refused.Message);
        Assert.Equal(PayeeConnectionResult.Refused, listener.WaitFor(PayeeEventKind.SessionClosed).Result);
        Assert.DoesNotContain(BobSaw(before), i => i is PurseInstruction.VerifyCertificate or PurseInstruction.StartTo);
        Assert.Equal((TransferState.Idle, 10_000u), (_alice.Read().State, _alice.Balance()));
        Assert.Equal((TransferState.Idle, 2_000u), (_bob.Read().State, _bob.Balance()));
    }

    [Fact]
    public void A_purse_barred_while_the_listener_runs_is_refused_from_its_next_payment_and_an_unreadable_hotlist_refuses_all()
    {
        string directory = Path.Combine(Path.GetTempPath(), "scc-hotlist-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            string path = Path.Combine(directory, "hotlist.txt");
            File.WriteAllText(path, "# nobody barred yet\n");
            var file = new HotlistFile(path, mustExist: true);
            using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions
            {
                CardName = "bob",
                CurrentHotlist = () => file.Current,
            });

            Assert.Equal(PaymentOutcomeKind.Completed, PayRemotely(_alice, listener, 100).Kind);
            listener.WaitUntilFree();

            File.WriteAllText(path, $"# the bank barred alice at noon\n{_alice.Id}\n");
            PaymentOutcome barred = PayRemotely(_alice, listener, 100);
            Assert.Equal(PaymentOutcomeKind.NotStarted, barred.Kind);
            Assert.Equal("6982", barred.Refusal!.StatusWord);
            Assert.Contains($"purse {_alice.Id} is on the hotlist ({path})", listener.WaitFor(PayeeEventKind.PaymentRefused).Message);
            listener.WaitUntilFree();

            TestCard carol = _world.Customer("carol", 1_000, _bank);
            File.WriteAllText(path, "not a purse id\n");
            PaymentOutcome unreadable = PayRemotely(carol, listener, 100);
            Assert.Equal(PaymentOutcomeKind.NotStarted, unreadable.Kind);
            Assert.Contains("no payer is accepted until it can be read",
                listener.WaitFor(PayeeEventKind.PaymentRefused, e => e.Message.Contains("not a purse ID", StringComparison.Ordinal)).Message);
            listener.WaitUntilFree();
            Assert.Equal((9_900u, 2_100u), (_alice.Balance(), _bob.Balance()));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void A_payer_certificate_expired_by_the_listeners_clock_is_refused_with_9406()
    {
        TestCard carol = _world.Issued("carol", PurseClass.Customer,
            request: PersonalisationRequest.WithDefaultLimits(PurseClass.Customer, [Currency.Eur.Code], PaymentWorld.LockCode) with { ValidityYears = 1 });
        _world.Load(_bank, carol, 1_000);
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions
        {
            CardName = "bob",
            Time = new FixedTime(FixedTime.Instant.AddYears(2)),
        });
        int before = _bob.Channel.Sent.Count;

        PaymentOutcome outcome = PayRemotely(carol, listener, 100);

        Assert.Equal(PaymentOutcomeKind.NotStarted, outcome.Kind);
        Assert.Equal("9406", outcome.Refusal!.StatusWord);
        Assert.True(outcome.IsSecurityRefusal);
        Assert.Contains($"purse {carol.Id}'s certificate expired on 2027-01-10", listener.WaitFor(PayeeEventKind.PaymentRefused).Message);
        Assert.DoesNotContain(BobSaw(before), i => i is PurseInstruction.VerifyCertificate or PurseInstruction.StartTo);
        Assert.Equal(1_000u, carol.Balance());
    }

    [Fact]
    public void A_payer_not_from_the_listeners_trusted_issuer_is_refused_with_6982()
    {
        var other = Issuer.Create(new IssuerId(0x0BADBEEF), PaymentWorld.Today);
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { CardName = "bob", TrustedIssuer = other.Certificate });

        PaymentOutcome outcome = PayRemotely(_alice, listener, 100);

        Assert.Equal("6982", outcome.Refusal?.StatusWord);
        Assert.Contains("is not to be trusted: it is from issuer 5343430A, not the trusted issuer 0BADBEEF",
            listener.WaitFor(PayeeEventKind.PaymentRefused).Message);
        listener.WaitUntilFree();
        Assert.Equal(2_000u, _bob.Balance());
    }

    [Fact]
    public void The_listeners_trusted_issuer_lets_an_honest_payer_pay()
    {
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions
        {
            TrustedIssuer = _world.Issuer.Certificate,
            Hotlist = Hotlist.Parse("5343430A0000FFFF\n"),
        });

        Assert.Equal(PaymentOutcomeKind.Completed, PayRemotely(_alice, listener, 100).Kind);
        listener.WaitUntilFree();
        Assert.Equal(2_100u, _bob.Balance());
    }

    [Fact]
    public void A_modified_client_cannot_start_without_a_screened_certificate_nor_start_for_another_purse_than_it_verified()
    {
        TestCard carol = _world.Customer("carol", 1_000, _bank);
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions
        {
            CardName = "bob",
            Hotlist = Hotlist.Parse($"{_alice.Id}\n"),
        });
        using RemoteCardChannel remote = listener.Connect();
        var bob = PurseCard.Open(remote, "remote bob");
        bob.Select();
        int before = _bob.Channel.Sent.Count;

        // No certificate verified through the listener in this session: 6A88, as the card itself would answer.
        var unverified = Assert.Throws<NoVerifiedPeerException>(() => bob.StartTo(carol.Id, Money.Of(Currency.Eur, 100), 1));
        Assert.Equal(StatusWord.ReferencedDataNotFound, unverified.StatusWord);

        // carol's certificate passes; a START TO for alice (barred) on the strength of it is refused.
        bob.VerifyCertificate(carol.Certificate);
        var barred = Assert.Throws<PurseException>(() => bob.StartTo(_alice.Id, Money.Of(Currency.Eur, 100), 1));
        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, barred.StatusWord);

        Assert.DoesNotContain(BobSaw(before), i => i == PurseInstruction.StartTo);
        Assert.Equal(TransferState.Idle, _bob.Read().State);
    }

    [Fact]
    public void A_card_in_the_middle_of_paying_is_not_served_at_all()
    {
        TestCard carol = _world.Customer("carol");
        PaymentDetails pd = PaymentWorld.StartAndStop(_bob, carol, 300, stopBefore: PurseInstruction.Ack);

        var listener = new PayeeListener(_bob.Channel, new PayeeListenerOptions
        {
            CardName = "bob",
            Endpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0),
        });
        using (listener)
        {
            var error = Assert.Throws<UnfinishedPayerTransferException>(() => listener.Start());
            Assert.Equal(TransferState.ExpectingAck, error.Pending.State);
            Assert.Equal(pd, error.Pending.Details);
            Assert.Contains("bob holds an unfinished payment as the payer (epa, EUR 3.00 from", error.Message);
            Assert.Null(listener.LocalEndpoint);
        }
        Assert.True(_bob.Read().IsIn(TransferState.ExpectingAck, pd));
    }

    [Fact]
    public void While_the_served_card_is_paying_a_remote_party_can_neither_fetch_its_val_nor_abort_its_transfer()
    {
        TestCard carol = _world.Customer("carol");
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { CardName = "bob" });
        // bob pays carol here, at the till, while the listener runs: the payment is cut before the ack.
        PaymentDetails pd = PaymentWorld.StartAndStop(_bob, carol, 300, stopBefore: PurseInstruction.Ack);
        using RemoteCardChannel remote = listener.Connect();
        var bob = PurseCard.Open(remote, "remote bob");
        bob.Select();

        var resume = Assert.Throws<WrongStateException>(() => bob.Resume());
        Assert.Equal(StatusWord.ConditionsOfUseNotSatisfied, resume.StatusWord);
        Assert.Contains(listener.Events, e => e.Kind == PayeeEventKind.CommandRefused && e.Command == "RESUME" &&
            e.Message.Contains("bob is itself in the middle of paying (epa", StringComparison.Ordinal));

        bob.VerifyCertificate(_alice.Certificate);
        var start = Assert.Throws<WrongStateException>(() => bob.StartTo(_alice.Id, Money.Of(Currency.Eur, 100), 1));
        Assert.Equal(StatusWord.ConditionsOfUseNotSatisfied, start.StatusWord);
        Assert.Contains("bob is itself in the middle of paying (epa", listener.WaitFor(PayeeEventKind.PaymentRefused).Message);
        remote.Dispose();
        listener.WaitFor(PayeeEventKind.SessionClosed);

        // Untouched: still in epa for the same payment, so it can be finished, and nothing was logged.
        Assert.True(_bob.Read().IsIn(TransferState.ExpectingAck, pd));
        Assert.Equal(PaymentOutcomeKind.Completed, _world.Coordinator.Recover(_bob.Purse, carol.Purse).Kind);
        Assert.Empty(_bob.Read().Exceptions!);
    }

    [Fact]
    public void While_the_card_waits_for_a_payers_val_no_other_payer_can_start_until_the_hold_has_passed()
    {
        TestCard mallory = _world.Customer("mallory");
        var clock = new ManualTime();
        using RunningListener listener = HoldingListener(clock);
        // alice's payment into bob is cut after REQ: alice is debited (epa), bob waits for her val (epv).
        PaymentDetails pd = PaymentWorld.StartAndStop(_alice, _bob, 500, stopBefore: PurseInstruction.Val);

        // mallory, certified and not barred, would abort it into bob's exception log with START TO: refused.
        using (RemoteCardChannel remote = listener.Connect())
        {
            var bob = PurseCard.Open(remote, "remote bob");
            bob.Select();
            bob.VerifyCertificate(mallory.Certificate);
            clock.Advance(Hold - TimeSpan.FromSeconds(1));
            var start = Assert.Throws<WrongStateException>(() => bob.StartTo(mallory.Id, Money.Of(Currency.Eur, 100), 1));
            Assert.Equal(StatusWord.ConditionsOfUseNotSatisfied, start.StatusWord);
            Assert.Contains("bob is waiting for the val of an unfinished payment (epv",
                listener.WaitFor(PayeeEventKind.PaymentRefused).Message);
        }
        listener.WaitUntilFree();
        Assert.True(_bob.Read().IsIn(TransferState.ExpectingVal, pd));
        Assert.Empty(_bob.Read().Exceptions ?? []);

        // alice comes back within the hold and finishes her payment through the listener.
        using (RemoteCardChannel remote = listener.Connect())
        {
            PaymentOutcome recovered = _world.Coordinator.Recover(_alice.Purse, PurseCard.Open(remote, "remote bob"));
            Assert.True(recovered.Kind == PaymentOutcomeKind.Completed, $"{recovered.Kind}: {recovered.Summary}");
        }
        listener.WaitUntilFree();
        Assert.Equal(2_500u, _bob.Read().Balance);
    }

    [Fact]
    public void After_the_hold_a_new_payer_may_start_and_the_abandoned_payment_stays_accounted_for()
    {
        TestCard carol = _world.Customer("carol", 1_000, _bank);
        var clock = new ManualTime();
        using RunningListener listener = HoldingListener(clock);
        PaymentWorld.StartAndStop(_alice, _bob, 500, stopBefore: PurseInstruction.Val);
        using (RemoteCardChannel remote = listener.Connect())
        {
            var bob = PurseCard.Open(remote, "remote bob");
            bob.Select();
            bob.VerifyCertificate(carol.Certificate);
            Assert.Throws<WrongStateException>(() => bob.StartTo(carol.Id, Money.Of(Currency.Eur, 100), 1)); // starts the hold's clock
        }
        listener.WaitUntilFree();
        clock.Advance(Hold);

        PaymentOutcome paid;
        using (RemoteCardChannel remote = listener.Connect())
        {
            // --force: the payer's program sees bob's unfinished transfer and must choose to start over it.
            paid = _world.Coordinator.Pay(carol.Purse, PurseCard.Open(remote, "remote bob"),
                new PaymentRequest(Money.Of(Currency.Eur, 100)) { Force = true }, _world.Policy);
        }

        Assert.True(paid.Kind == PaymentOutcomeKind.Completed, $"{paid.Kind}: {paid.Summary}");
        listener.WaitUntilFree();
        // alice's EUR 5.00 is in flight (alice in epa), bob logged the abandoned transfer: nothing lost.
        PurseSnapshot aliceAfter = _alice.Read(), bobAfter = _bob.Read(), carolAfter = carol.Read();
        Assert.Contains(bobAfter.Exceptions!, e => e.Record.Reason == ExceptionReason.PayeeAbortedInEpv);
        Assert.Equal(10_000u + 2_000u + 1_000u, (uint)Ledger.Accounted([aliceAfter, bobAfter, carolAfter]));
    }

    [Fact]
    public void Resume_returns_only_a_payee_message()
    {
        TestCard carol = _world.Customer("carol");
        // bob last paid (idle, pending = its own val): for a remote party there is nothing to resume (6A88).
        PaymentWorld.StartAndStop(_bob, carol, 300, stopBefore: 0);
        using (var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { CardName = "bob" }))
        {
            using (RemoteCardChannel remote = listener.Connect())
            {
                var bob = PurseCard.Open(remote);
                bob.Select();
                Assert.Null(bob.Resume());
                Assert.Contains(listener.Events, e => e.Kind == PayeeEventKind.CommandRefused && e.StatusWord == "6A88" &&
                    e.Message.Contains("bob's last transfer was as the payer", StringComparison.Ordinal));
            }
            listener.WaitFor(PayeeEventKind.SessionClosed);

            // A payment into bob cut before START TO reached him is still settled right: nothing was debited.
            using var proxy = new DroppingProxy(listener.Endpoint.Port, 3, DropMode.BeforeCommand);
            using var viaProxy = new RemoteCardChannel("127.0.0.1", proxy.Port);
            PaymentOutcome cut = _world.Coordinator.Pay(_alice.Purse, PurseCard.Open(viaProxy, "bob"),
                new PaymentRequest(Money.Of(Currency.Eur, 100)), _world.Policy);
            Assert.True(cut.Kind == PaymentOutcomeKind.NotStarted, $"{cut.Kind}: {cut.Summary}");
            Assert.True(cut.Payee!.Reachable, cut.Summary);
        }

        // bob last received (idle, pending = its ack): the payer may have it again.
        PaymentOutcome paid = _world.Pay(_alice, _bob, 200);
        using (var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { CardName = "bob" }))
        using (RemoteCardChannel remote = listener.Connect())
        {
            var bob = PurseCard.Open(remote);
            bob.Select();
            ProtectedMessage? ack = bob.Resume();
            Assert.Equal(MessageType.Ack, ack?.Type);
            Assert.Equal(paid.Payment!.Details, ack?.Details);
        }
    }
}
