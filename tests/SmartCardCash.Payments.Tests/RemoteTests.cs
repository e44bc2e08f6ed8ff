using System.Net;
using System.Net.Sockets;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Gates;
using SmartCardCash.Remote;

namespace SmartCardCash.Payments.Tests;

/// <summary>The Mondex Telephone over loopback: a payee listener in front of bob's card, the payer's terminal in front of alice's.</summary>
public sealed class RemoteTests : IDisposable
{
    private readonly PaymentWorld _world = new();
    private readonly TestCard _alice;
    private readonly TestCard _bob;
    private readonly RunningListener _listener;

    public RemoteTests()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        _alice = _world.Customer("alice", 10_000, bank);
        _bob = _world.Customer("bob", 2_000, bank);
        _listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { CardName = "bob" });
    }

    public void Dispose() => _listener.Dispose();

    private PaymentOutcome PayRemotely(RemoteCardChannel channel, uint euroCents) =>
        _world.Coordinator.Pay(_alice.Purse, PurseCard.Open(channel), new PaymentRequest(Money.Of(Currency.Eur, euroCents)), _world.Policy);

    [Fact]
    public void A_payer_pays_into_a_remote_card_and_the_listener_reports_it_as_it_happens()
    {
        using RemoteCardChannel remote = _listener.Connect();
        Assert.Equal(_listener.Address, remote.Name);
        Assert.Equal(CardProtocol.T1, remote.Protocol);

        PaymentOutcome outcome = PayRemotely(remote, 1_250);
        remote.Dispose();

        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, outcome.Summary);
        PayeeEvent closed = _listener.WaitFor(PayeeEventKind.SessionClosed);
        Assert.Equal(PayeeConnectionResult.Received, closed.Result);
        Assert.Equal("EUR 32.50", closed.Balance);
        Assert.Contains("bob received EUR 12.50 from purse " + _alice.Id, closed.Message);
        Assert.Contains(_listener.Events, e => e.Kind == PayeeEventKind.PaymentStarted && e.Payment?.Amount == 1_250);
        Assert.Contains(_listener.Events, e => e.Kind == PayeeEventKind.PaymentReceived && e.Payment!.Details.Equals(outcome.Payment!.Details));
        Assert.DoesNotContain(_listener.Events, e => e.Kind == PayeeEventKind.CommandRefused);
        Assert.Equal((8_750u, 3_250u), (_alice.Balance(), _bob.Balance()));

        // The receiving side keeps the same evidence the payer's terminal does: alice's val, bob's ack, alice's certificate.
        SignedPayment received = _listener.WaitFor(PayeeEventKind.PaymentReceived).SignedPayment!;
        Assert.Equal(outcome.SignedPayment!.Val.ToData(), received.Val.ToData());
        Assert.Equal(outcome.SignedPayment.Ack!.ToData(), received.Ack!.ToData());
        Assert.Equal(_alice.Certificate.Encoded.ToArray(), received.PayerCertificate!.Encoded.ToArray());
        Assert.True(received.Val.Verify(received.PayerCertificate.Body.PublicKey));
    }

    [Fact]
    public void A_t0_payee_answers_through_get_response_across_the_network()
    {
        TestCard carol = _world.Issued("carol", PurseClass.Customer, Emulator.InterfaceProfile.ContactT0);
        using var listener = new RunningListener(carol.Channel, new PayeeListenerOptions { CardName = "carol" });
        using RemoteCardChannel remote = listener.Connect();

        PaymentOutcome outcome = PayRemotely(remote, 700);
        remote.Dispose();

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Equal(PayeeConnectionResult.Received, listener.WaitFor(PayeeEventKind.SessionClosed).Result);
        Assert.Equal(outcome.Payment!.Details, listener.WaitFor(PayeeEventKind.PaymentStarted).Payment?.Details);
        Assert.Contains(carol.Channel.Sent, c => c[1] == PurseInstruction.GetResponse);
        // The ack came through GET RESPONSE, which the listener does not piece together: the val is the evidence.
        SignedPayment received = listener.WaitFor(PayeeEventKind.PaymentReceived).SignedPayment!;
        Assert.Equal(outcome.SignedPayment!.Val.ToData(), received.Val.ToData());
        Assert.Null(received.Ack);
        Assert.NotNull(received.PayerCertificate);
    }

    [Fact]
    public void A_malicious_payer_cannot_take_value_out_nor_read_balances_or_logs_and_the_card_never_sees_those_commands()
    {
        using RemoteCardChannel remote = _listener.Connect();
        var purse = PurseCard.Open(remote, "remote bob");
        int reachedBefore = _bob.Channel.Sent.Count;
        StatusWord Send(string hex) => ResponseApdu.Parse(remote.Transmit(Hex.Decode(hex))).StatusWord;

        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80CA000600"));                   // GET DATA before SELECT
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("00A4040007A000000003101000"));    // SELECT of another application
        purse.Select();
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80CA000200"));                   // GET DATA balances
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80CA000100"));                   // GET DATA status
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80CA000400"));                   // GET DATA issuer certificate
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80CA000500"));                   // GET DATA limits
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80CA000301AA00"));               // GET DATA with data
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80B2000100"));                   // READ LOG transactions
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80B2000200"));                   // READ LOG exceptions (would abort)
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("805A0000"));                     // ABORT
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80200000"));                     // VERIFY LOCK CODE
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80280000068A0431323334"));       // LOCK
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80240000"));                     // CHANGE LOCK CODE
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80400000028201"));               // MINT
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80E60000"));                     // TERMINATE
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80DA000403010203"));             // PUT DATA
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("8046000000"));                   // GENERATE KEY PAIR
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("FFCA000000"));                   // reader pseudo-APDU
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("81CA000300"));                   // another logical channel
        Assert.Equal(StatusWord.WrongLength, Send("80CA00000000010000"));                // extended length

        // The whole payer's side with bob as payer: verified, started ... refused at START FROM, so nothing can leave bob.
        purse.VerifyCertificate(_alice.Certificate);
        var startFrom = Assert.Throws<PurseException>(() =>
            purse.StartFrom(_alice.Id, Money.Of(Currency.Eur, 500), 1));
        Assert.Equal(PayeeCommandGate.NotAllowed, startFrom.StatusWord);
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("8054000000"));                   // REQ
        Assert.Equal(PayeeCommandGate.NotAllowed, Send("80580000"));                     // ACK
        Assert.Throws<PurseException>(() => purse.GetBalances());
        remote.Dispose();
        _listener.WaitFor(PayeeEventKind.SessionClosed);

        byte[] allowed = [PurseInstruction.Select, PurseInstruction.GetData, PurseInstruction.VerifyCertificate];
        Assert.All(_bob.Channel.Sent.Skip(reachedBefore), c => Assert.Contains(c[1], allowed));
        Assert.All(_bob.Channel.Sent.Skip(reachedBefore).Where(c => c[1] == PurseInstruction.GetData), c => Assert.Equal(0x03, c[3]));
        Assert.Equal(2_000u, _bob.Balance());
        Assert.Equal(TransferState.Idle, _bob.Read().State);
        Assert.Contains(_listener.Events, e => e.Kind == PayeeEventKind.CommandRefused && e.Command == "START FROM");
    }

    [Fact]
    public void A_second_payer_is_told_the_card_is_busy_while_a_session_holds_it()
    {
        using RemoteCardChannel first = _listener.Connect();
        PurseCard.Open(first).Select();

        var busy = Assert.Throws<RemoteCardUnavailableException>(() => _listener.Connect());

        Assert.Contains("is busy with another payment", busy.Message);
        _listener.WaitFor(PayeeEventKind.ConnectionRefused, e => e.Message.Contains("busy", StringComparison.Ordinal));
        first.Dispose();
        _listener.WaitFor(PayeeEventKind.SessionClosed);
        using RemoteCardChannel later = _listener.Connect();
        Assert.Equal(PaymentOutcomeKind.Completed, PayRemotely(later, 100).Kind);
    }

    [Fact]
    public void Connections_beyond_the_limit_are_turned_away()
    {
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { MaxConnections = 1 });
        using var idle = new TcpClient();
        idle.Connect(IPAddress.Loopback, listener.Endpoint.Port);
        listener.WaitFor(PayeeEventKind.Listening);

        var error = Record.Exception(() => listener.Connect());

        Assert.IsType<RemoteCardUnavailableException>(error);
        Assert.Contains("too many connections", error.Message);
    }

    [Fact]
    public void An_idle_connection_is_closed_by_the_listener_and_the_payer_reconnects_on_its_next_command()
    {
        // The wait for each command starts with the hello: long enough that the SELECT below surely comes within it.
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { MessageTimeout = TimeSpan.FromSeconds(2) });
        using RemoteCardChannel remote = listener.Connect();
        var purse = PurseCard.Open(remote);
        purse.Select();

        PayeeEvent closed = listener.WaitFor(PayeeEventKind.SessionClosed);
        Assert.Contains("no command came within", closed.Message);
        Assert.Throws<CardCommunicationException>(() => purse.GetCertificate());
        Assert.False(remote.IsConnected);

        Assert.Equal(_bob.Id, purse.Select().PurseId);
        Assert.True(remote.IsConnected);
    }

    [Fact]
    public void A_connection_longer_than_the_limit_is_ended()
    {
        // The limit runs from the connection, hello included: long enough that the handshake surely fits in it.
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { MaxConnectionTime = TimeSpan.FromSeconds(2) });
        using RemoteCardChannel remote = listener.Connect();

        PayeeEvent closed = listener.WaitFor(PayeeEventKind.SessionClosed);

        Assert.Contains("the session reached its limit", closed.Message);
    }

    [Fact]
    public void A_client_that_is_not_a_payer_or_sends_an_oversized_frame_is_cut_off()
    {
        using (var stranger = new TcpClient())
        {
            stranger.Connect(IPAddress.Loopback, _listener.Endpoint.Port);
            stranger.GetStream().Write("GET / HTTP/1.0\r\n\r\n"u8);
            Assert.Equal(0, stranger.GetStream().Read(new byte[16]));
        }
        Assert.Contains("not a SmartCardCash payer", _listener.WaitFor(PayeeEventKind.ConnectionRefused).Message);

        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, _listener.Endpoint.Port);
        NetworkStream stream = client.GetStream();
        stream.Write([.. "SCCR"u8, 1]);
        byte[] hello = new byte[8];
        stream.ReadExactly(hello);
        stream.ReadExactly(new byte[hello[7]]);
        Assert.Equal((byte)RemoteHelloStatus.Ready, hello[5]);
        stream.Write([0x01, 0x2C, .. new byte[300]]);
        Assert.Equal(0, stream.Read(new byte[16]));
        Assert.Contains("a command frame of 300 bytes", _listener.WaitFor(PayeeEventKind.SessionClosed).Message);
    }

    [Fact]
    public void Nobody_listening_is_unavailable_before_anything_is_sent()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();

        var error = Assert.Throws<RemoteCardUnavailableException>(() => new RemoteCardChannel("127.0.0.1", port));

        Assert.Contains("nobody is receiving payments at tcp://127.0.0.1:", error.Message);
    }

    [Fact]
    public void A_card_that_fails_under_the_listener_ends_the_session_and_stops_the_listener()
    {
        using RemoteCardChannel remote = _listener.Connect();
        var purse = PurseCard.Open(remote);
        purse.Select();
        _bob.Channel.FailAt(0, FaultKind.RemoveBefore);

        Assert.Throws<CardCommunicationException>(() => purse.GetCertificate());

        _listener.WaitFor(PayeeEventKind.CardFailed);
        var failure = Assert.Throws<AggregateException>(() => _listener.Running.Wait(RunningListener.Patience));
        Assert.IsType<CardRemovedException>(failure.InnerException);
    }

    public static TheoryData<int, DropMode> Drops()
    {
        var data = new TheoryData<int, DropMode>();
        for (int frame = 0; frame < 5; frame++)
        {
            data.Add(frame, DropMode.BeforeCommand);
            data.Add(frame, DropMode.AfterCommand);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Drops))]
    public void A_connection_dropped_at_any_frame_is_resumed_over_a_new_connection(int frame, DropMode mode)
    {
        using var proxy = new DroppingProxy(_listener.Endpoint.Port, frame, mode);
        using var remote = new RemoteCardChannel("127.0.0.1", proxy.Port);

        PaymentOutcome outcome = PayRemotely(remote, 1_250);
        remote.Dispose();

        Assert.True(proxy.Dropped);
        // Until START TO reaches bob nothing can be debited (alice's start is aborted); from then on, the coordinator
        // reconnects and resumes.
        PaymentOutcomeKind expected = frame < 3 || (frame == 3 && mode == DropMode.BeforeCommand)
            ? PaymentOutcomeKind.NotStarted
            : PaymentOutcomeKind.Completed;
        Assert.True(outcome.Kind == expected, $"{outcome.Kind}: {outcome.Summary}");
        AssertAccounted(outcome);
    }

    [Theory]
    [MemberData(nameof(Drops))]
    public void A_connection_that_stays_down_loses_nothing_and_recovery_over_a_new_one_settles_it(int frame, DropMode mode)
    {
        using var proxy = new DroppingProxy(_listener.Endpoint.Port, frame, mode) { RefuseAfterDrop = true };
        using var remote = new RemoteCardChannel("127.0.0.1", proxy.Port, new RemoteCardOptions { ConnectTimeout = TimeSpan.FromSeconds(2) });

        PaymentOutcome outcome = PayRemotely(remote, 1_250);
        remote.Dispose();

        Assert.True(proxy.Dropped);
        Assert.True(outcome.Kind is PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.Interrupted or PaymentOutcomeKind.CompletedAwaitingAcknowledgement,
            $"{outcome.Kind}: {outcome.Summary}");
        _listener.WaitUntilFree();
        AssertAccounted(outcome);

        // The network is back: recover straight to the listener.
        using RemoteCardChannel again = _listener.Connect();
        PaymentOutcome recovered;
        try
        {
            recovered = _world.Coordinator.Recover(_alice.Purse, PurseCard.Open(again, "bob"));
        }
        finally
        {
            again.Dispose();
        }
        Assert.True(recovered.Kind is PaymentOutcomeKind.Completed or PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.NothingToRecover,
            $"{recovered.Kind}: {recovered.Summary}");
        _listener.WaitUntilFree();
        PurseSnapshot payer = _alice.Read(), payee = _bob.Read();
        Assert.Equal(TransferState.Idle, payer.State);
        // The listener lets no ABORT through: bob may be left expecting a val alice was never debited for.
        Assert.True(payee.State == TransferState.Idle || (payee.State == TransferState.ExpectingVal && payer.Balance == 10_000),
            $"{payee.State}; {recovered.Summary}");
        Assert.Equal(payee.State == TransferState.ExpectingVal, recovered.Summary.Contains("bob is still expecting its val", StringComparison.Ordinal));
        Assert.Equal(12_000, Ledger.Accounted([payer, payee]));
    }

    [Fact]
    public void A_reconnecting_payer_waits_out_busy_for_longer_than_the_listener_holds_a_stalled_connection()
    {
        Assert.True(new RemoteCardOptions().BusyWait > new PayeeListenerOptions().MessageTimeout);
    }

    [Theory]
    [InlineData(3)]   // START TO answered (bob in epv), the answer lost
    [InlineData(4)]   // VAL answered (bob credited), the ack lost
    public void A_connection_that_stalls_mid_payment_holds_the_card_until_the_listener_lets_go_and_the_payment_is_resumed(int frame)
    {
        // Every command of the payment before the stall must also come within it.
        var holdFor = TimeSpan.FromSeconds(3);
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { CardName = "bob", MessageTimeout = holdFor });
        using var proxy = new DroppingProxy(listener.Endpoint.Port, frame, DropMode.StallAfterCommand);
        using var remote = new RemoteCardChannel("127.0.0.1", proxy.Port);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        PaymentOutcome outcome = PayRemotely(remote, 1_250);
        remote.Dispose();

        Assert.True(proxy.Dropped);
        Assert.True(outcome.Kind == PaymentOutcomeKind.Completed, $"{outcome.Kind}: {outcome.Summary}");
        // The reconnection was told "busy" until the stalled connection timed out, and waited for it.
        Assert.Contains(listener.Events, e => e.Kind == PayeeEventKind.ConnectionRefused && e.Message.Contains("busy", StringComparison.Ordinal));
        Assert.Contains(listener.Events, e => e.Kind == PayeeEventKind.SessionClosed && e.Message.Contains($"no command came within {holdFor.TotalSeconds:0} s", StringComparison.Ordinal));
        Assert.True(clock.Elapsed >= holdFor * 0.9, clock.Elapsed.ToString());
        listener.WaitUntilFree();
        Assert.Equal((8_750u, 3_250u), (_alice.Balance(), _bob.Balance()));
    }

    [Fact]
    public void A_payer_that_gives_up_on_busy_before_the_listener_lets_go_leaves_the_payment_to_recover_later()
    {
        // Every command before the stall must come within the message timeout, and the stalled connection must still
        // hold the card when the test asks for it below.
        using var listener = new RunningListener(_bob.Channel, new PayeeListenerOptions { CardName = "bob", MessageTimeout = TimeSpan.FromSeconds(5) });
        using var proxy = new DroppingProxy(listener.Endpoint.Port, 4, DropMode.StallAfterCommand);
        using var remote = new RemoteCardChannel("127.0.0.1", proxy.Port, new RemoteCardOptions { BusyWait = TimeSpan.FromMilliseconds(200) });

        PaymentOutcome outcome = PayRemotely(remote, 1_250);
        remote.Dispose();

        // bob was credited, but alice could not reach him again to learn it: interrupted, for recovery once bob is free.
        Assert.True(outcome.Kind == PaymentOutcomeKind.Interrupted, $"{outcome.Kind}: {outcome.Summary}");
        var busy = Assert.Throws<RemoteCardUnavailableException>(() => listener.Connect());
        Assert.True(busy.IsBusy);
        listener.WaitFor(PayeeEventKind.SessionClosed, e => e.Message.Contains("no command came within", StringComparison.Ordinal));
        using RemoteCardChannel again = listener.Connect();
        Assert.Equal(PaymentOutcomeKind.Completed, _world.Coordinator.Recover(_alice.Purse, PurseCard.Open(again, "bob")).Kind);
        Assert.Equal(TransferState.Idle, _alice.Read().State);
    }

    [Fact]
    public void A_payer_abandoned_after_the_connection_went_down_still_pays_a_remote_payee_waiting_for_its_val()
    {
        using var proxy = new DroppingProxy(_listener.Endpoint.Port, 4, DropMode.BeforeCommand) { RefuseAfterDrop = true };
        using var remote = new RemoteCardChannel("127.0.0.1", proxy.Port, new RemoteCardOptions { ConnectTimeout = TimeSpan.FromSeconds(2) });
        PaymentDetails pd = PayRemotely(remote, 1_250).Payment!.Details;
        remote.Dispose();
        _listener.WaitUntilFree();
        Assert.Equal((TransferState.ExpectingAck, TransferState.ExpectingVal), (_alice.Read().State, _bob.Read().State));

        Assert.Equal(PaymentOutcomeKind.ValueLogged, _world.Coordinator.Abandon(_alice.Purse).Kind);
        using RemoteCardChannel again = _listener.Connect();
        PaymentOutcome recovered = _world.Coordinator.Recover(_alice.Purse, PurseCard.Open(again, "bob"));
        again.Dispose();

        // No ABORT passes the listener, and none is needed: alice's kept val credits bob; her 01 record stays.
        Assert.True(recovered.Kind == PaymentOutcomeKind.Completed, recovered.Summary);
        _listener.WaitUntilFree();
        PurseSnapshot payer = _alice.Read(), payee = _bob.Read();
        Assert.Equal((8_750u, 3_250u), (payer.Balance, payee.Balance));
        Assert.True(payer.Logged(pd, ExceptionReason.PayerAbortedInEpa));
        Assert.Equal(12_000, Ledger.Accounted([payer, payee]));
    }

    private void AssertAccounted(PaymentOutcome outcome)
    {
        _listener.WaitUntilFree();
        PurseSnapshot payer = _alice.Read(), payee = _bob.Read();
        OutcomeAudit.AssertTrue(outcome, payer, payee, 10_000, 2_000);
        Assert.Equal(12_000, Ledger.Accounted([payer, payee]));
    }
}
