using System.Text.Json;
using Moq;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Attach;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Vpcd;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// scc emulator attach in-process: its options, its errors, and a whole run against a stand-in for vpcd on loopback
/// (the real pcscd runs in the integration suites).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class EmulatorCommandTests : TemporaryHomeTests
{
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(30);

    public EmulatorCommandTests()
    {
        Assert.Equal(0, _cli.Run("card", "new", "alice", "--blank").ExitCode);
        Assert.Equal(0, _cli.Run("card", "new", "bob", "--blank", "--interface", "contactless").ExitCode);
    }

    [Theory]
    [InlineData(new[] { "--slot", "x", "alice" }, "scc: --slot: 'x' is not a slot number (0, 1, …)")]
    [InlineData(new[] { "--slot", "-1", "alice" }, "scc: --slot: '-1' is not a slot number (0, 1, …)")]
    [InlineData(new[] { "--slot", "0", "alice", "--slot", "0", "bob" }, "scc: --slot: slot 0 is given twice (alice and bob)")]
    [InlineData(new[] { "--slot", "0", "alice", "--slot", "1", "emu:alice" },
        "scc: --slot: card 'alice' is given for slots 0 and 1: a card can be in one reader only")]
    [InlineData(new[] { "--slot", "0", "pcsc:Virtual PCD 00 00" },
        "scc: --slot 0: pcsc:Virtual PCD 00 00 is not an emulated card; give a card image's name or emu:NAME")]
    [InlineData(new[] { "--slot", "0", "alice", "--contactless", "1" }, "scc: --contactless: slot 1 has no card (the slots are 0)")]
    [InlineData(new[] { "--slot", "0", "alice", "--interface", "0=contactless" },
        "scc: --interface: '0=contactless' is not SLOT:contactless|contact-t0|contact-t1")]
    [InlineData(new[] { "--slot", "0", "alice", "--interface", "0:nfc" },
        "scc: --interface: 'nfc' is not contactless, contact-t0 or contact-t1")]
    [InlineData(new[] { "--slot", "0", "alice", "--contactless", "0", "--interface", "0:contact-t0" },
        "scc: --interface: slot 0 is given an interface twice")]
    [InlineData(new[] { "--slot", "0", "alice", "--tear", "0:5" }, "scc: --tear: '0:5' is not SLOT:before|during|after:COMMAND[:WRITE]")]
    [InlineData(new[] { "--slot", "0", "alice", "--tear", "0:mid:5" }, "scc: --tear: 'mid' is not before, during or after")]
    [InlineData(new[] { "--slot", "0", "alice", "--tear", "0:after:0" },
        "scc: --tear: '0' is not a command number (1 = the first command the slot receives)")]
    [InlineData(new[] { "--slot", "0", "alice", "--tear", "0:after:3:1" },
        "scc: --tear: '0:after:3:1': a write number only applies to a tear during a command")]
    [InlineData(new[] { "--slot", "0", "alice", "--tear", "0:before:3", "--tear-random", "0:7:0.5" },
        "scc: --tear-random: slot 0 is given two tearing plans; one per slot")]
    [InlineData(new[] { "--slot", "0", "alice", "--tear-random", "0:7:1.5" },
        "scc: --tear-random: '1.5' is not a probability between 0 and 1")]
    [InlineData(new[] { "--slot", "0", "alice", "--reinsert-after", "soon" },
        "scc: --reinsert-after: 'soon' is not a duration such as 500ms, 1.5s or 2m")]
    [InlineData(new[] { "--slot", "0", "alice", "--port-base", "70000" }, 
        "scc: --port-base: '70000' is not a whole number from 1 to 65535 (see 'scc emulator attach --help')")]
    [InlineData(new[] { "--slot", "0", "--slot", "1", "bob" },
        "scc: --slot takes a slot number and a card each time: --slot 0 alice --slot 1 bob (see 'scc emulator attach --help')")]
    [InlineData(new string[0], "scc: option '--slot' is required (see 'scc emulator attach --help')")]
    public void Bad_options_are_usage_errors_before_any_card_is_opened(string[] options, string error)
    {
        CliResult result = _cli.Run(["emulator", "attach", .. options]);

        Assert.Equal(ExitCodes.UsageError, result.ExitCode);
        Assert.Equal(error, result.SingleErrorLine());
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void The_options_make_one_plan_per_slot()
    {
        AttachPlan plan = AttachArguments.Parse(["1", "emu:bob", "0", "alice", "2", "carol"], [1], ["2:contact-t0"],
            ["0:during:7:2"], ["2:42:0.25:after"], "1.5s", "10.0.0.5", 40000, "500ms");

        Assert.Equal("10.0.0.5", plan.Host);
        Assert.Equal(40002, plan.PortOf(2));
        Assert.Equal(TimeSpan.FromSeconds(1.5), plan.ReinsertAfterTear);
        Assert.Equal(TimeSpan.FromMilliseconds(500), plan.ConnectTimeout);
        Assert.Equal([0, 1, 2], plan.Slots.Select(s => s.Slot));
        Assert.Equal(["alice", "bob", "carol"], plan.Slots.Select(s => s.Card));
        Assert.Equal([null, InterfaceProfile.Contactless, InterfaceProfile.ContactT0], plan.Slots.Select(s => s.Interface));
        VpcdTearing during = plan.Slots[0].Tearing;
        Assert.Equal((VpcdTearingKind.AtCommand, 7L, VpcdTearPoint.DuringCommand, 2),
            (during.Kind, during.CommandNumber, during.Point, during.WriteIndex));
        Assert.Same(VpcdTearing.None, plan.Slots[1].Tearing);
        VpcdTearing random = plan.Slots[2].Tearing;
        Assert.Equal((VpcdTearingKind.Random, 42UL, 0.25, VpcdTearPoint.AfterResponse),
            (random.Kind, random.Seed, random.Probability, random.Point));
    }

    [Theory]
    [InlineData("250ms", 0.25)]
    [InlineData("2", 2.0)]
    [InlineData("1.5s", 1.5)]
    [InlineData("2m", 120.0)]
    public void Durations_read_in_milliseconds_seconds_or_minutes(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), AttachArguments.Duration(text, "--x"));
        Assert.Throws<UsageException>(() => AttachArguments.Duration("-1s", "--x"));
    }

    [Fact]
    public void An_unknown_card_is_exit_3_naming_the_cards_there_are()
    {
        CliResult result = _cli.Run("emulator", "attach", "--slot", "0", "alice", "--slot", "1", "carol");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: there is no emulated card named 'carol'; the cards are 'alice', 'bob'", result.SingleErrorLine());
        // alice, opened first, was let go again.
        using CardConnection alice = _home.Cards.Open("alice");
    }

    [Fact]
    public void A_card_in_use_elsewhere_is_exit_7()
    {
        using CardConnection held = _home.Cards.Open("bob");

        CliResult result = _cli.Run("emulator", "attach", "--slot", "0", "alice", "--slot", "1", "bob");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.StartsWith("scc: card 'bob' is in use by another process", result.SingleErrorLine());
    }

    [Fact]
    public void Vpcd_not_listening_is_exit_3_after_the_grace_period_and_leaves_the_images_unlocked()
    {
        int port = LoopbackVpcd.FreePortPair();

        CliResult result = _cli.Run("emulator", "attach", "--slot", "0", "alice", "--slot", "1", "bob",
            "--port-base", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--connect-timeout", "300ms");

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal($"scc: vpcd is not listening on 127.0.0.1:{port}: is pcscd running with vsmartcard-vpcd installed?",
            result.SingleErrorLine());
        Assert.DoesNotContain(" insert ", result.Stdout);
        using CardConnection alice = _home.Cards.Open("alice");
        using CardConnection bob = _home.Cards.Open("bob");
    }

    [Fact]
    public void A_vpcd_slot_that_holds_another_card_is_exit_3_saying_so_also_once_vpcds_queue_is_full()
    {
        using var vpcd = new LoopbackVpcd(slot0HoldsAnotherCard: true);
        string portBase = vpcd.PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Should scc wait for the card instead of stopping, Ctrl+C ends it (and the assertions fail) rather than a hang.
        _cli.Interrupt.CancelAfter(Liveness);

        // vpcd serves the other card: the connect succeeds through its queue, and then nothing comes.
        CliResult first = _cli.Run("emulator", "attach", "--slot", "0", "alice", "--port-base", portBase);
        // That connection still waits in vpcd's queue, which holds one: the next connect is not even answered.
        CliResult second = _cli.Run("emulator", "attach", "--slot", "0", "alice", "--port-base", portBase);

        foreach (CliResult result in new[] { first, second })
        {
            Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
            Assert.Equal($"scc: vpcd's slot 0 (127.0.0.1:{vpcd.PortBase}) already holds another card, and vpcd serves one card " +
                "per slot: take that card out, or choose another --slot", result.SingleErrorLine());
            Assert.DoesNotContain(" insert ", result.Stdout);
        }
        using CardConnection alice = _home.Cards.Open("alice");
    }

    [Fact]
    public async Task A_slot_that_another_card_takes_while_attached_is_reported_and_the_card_waits_for_it()
    {
        using var vpcd = new LoopbackVpcd();
        var occupied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _cli.StdoutLineWritten = line =>
        {
            if (JsonDocument.Parse(line).RootElement.GetProperty("event").GetString() == "occupied")
            {
                occupied.TrySetResult();
            }
        };
        Task stopper = Task.Run(async () =>
        {
            try
            {
                LoopbackVpcd.WaitFor(() => vpcd.Connections == 1, Liveness);
                vpcd.GiveSlot0ToAnotherCard();
                await occupied.Task.WaitAsync(Liveness);
            }
            finally
            {
                _cli.Interrupt.Cancel();
            }
        });

        CliResult result = _cli.Run("emulator", "attach", "--json", "--slot", "0", "alice",
            "--port-base", vpcd.PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await stopper.WaitAsync(Liveness);

        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        var events = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["attach", "insert", "reconnect", "occupied", "detach"], events.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal($"vpcd's slot 0 (127.0.0.1:{vpcd.PortBase}) now holds another card; waiting for it to leave",
            events[3].GetProperty("message").GetString());
        using CardConnection alice = _home.Cards.Open("alice");
    }

    [Fact]
    public async Task A_run_reports_attach_insert_and_detach_as_json_lines_and_ends_with_exit_0_on_ctrl_c()
    {
        using var vpcd = new LoopbackVpcd();
        Task stopper = Task.Run(() =>
        {
            // Ctrl+C once both cards are in their "readers".
            LoopbackVpcd.WaitFor(() => vpcd.Connections == 2, Liveness);
            _cli.Interrupt.Cancel();
        });

        CliResult result = _cli.Run("emulator", "attach", "--json", "--slot", "0", "alice", "--slot", "1", "bob",
            "--contactless", "1", "--tear", "0:after:3", "--port-base", vpcd.PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(result.ExitCode == 0, result.Stderr + result.Stdout);
        await stopper.WaitAsync(Liveness);
        Assert.Empty(result.Stderr);
        var lines = result.StdoutLines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["attach", "attach"], lines.Take(2).Select(e => e.GetProperty("event").GetString()));
        Assert.Equal(["detach", "detach"], lines.TakeLast(2).Select(e => e.GetProperty("event").GetString()));
        Assert.Equal(2, lines.Count(e => e.GetProperty("event").GetString() == "insert"));
        Assert.Equal(6, lines.Count);

        JsonElement alice = lines[0];
        Assert.Equal(0, alice.GetProperty("slot").GetInt32());
        Assert.Equal("alice", alice.GetProperty("card").GetString());
        Assert.Equal("contact-t1", alice.GetProperty("interface").GetString());
        Assert.Equal(Iso7816.Hex.Encode(AnswerToReset.For(InterfaceProfile.ContactT1)), alice.GetProperty("atr").GetString());
        Assert.Equal($"127.0.0.1:{vpcd.PortBase}", alice.GetProperty("vpcd").GetString());
        Assert.Contains("tear after the response to command 3", alice.GetProperty("message").GetString());
        Assert.Equal("2025-11-25T14:33:55.123+00:00", alice.GetProperty("time").GetString());
        JsonElement bob = lines[1];
        Assert.Equal("contactless", bob.GetProperty("interface").GetString());
        Assert.Equal(Iso7816.Hex.Encode(AnswerToReset.For(InterfaceProfile.Contactless)), bob.GetProperty("atr").GetString());
        Assert.Equal($"127.0.0.1:{vpcd.PortBase + 1}", bob.GetProperty("vpcd").GetString());
        foreach (JsonElement line in lines)
        {
            Assert.Equal(["time", "event", "slot", "card", "message", "interface", "atr", "vpcd", "apdu", "point"],
                line.EnumerateObject().Select(p => p.Name));
        }

        // The cards left their "readers" (connections closed) and the images are free again.
        Assert.True(LoopbackVpcd.WaitFor(() => vpcd.Closed == 2, Liveness), "the connections were not closed");
        using CardConnection aliceAgain = _home.Cards.Open("alice");
        using CardConnection bobAgain = _home.Cards.Open("bob");
    }

    [Fact]
    public async Task Human_lines_carry_a_timestamp_the_event_the_slot_and_the_card()
    {
        using var vpcd = new LoopbackVpcd();
        using var cardIsIn = new ManualResetEventSlim();
        _cli.StderrLineWritten = line => cardIsIn.Set();
        Task<bool> stopper = Task.Run(() =>
        {
            // Ctrl+C once scc has said the card is in, not merely when it has connected: otherwise the interrupt
            // can overtake that line.
            bool said = cardIsIn.Wait(Liveness);
            _cli.Interrupt.Cancel();
            return said;
        });

        CliResult result = _cli.Run("emulator", "attach", "--slot", "1", "bob", "--port-base",
            (vpcd.PortBase - 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(await stopper.WaitAsync(Liveness), "scc never said the card is in");

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(
        [
            $"2025-11-25 14:33:55.123  attach     slot 1  bob  contactless, ATR {Iso7816.Hex.Encode(AnswerToReset.For(InterfaceProfile.Contactless))}, vpcd 127.0.0.1:{vpcd.PortBase}",
            $"2025-11-25 14:33:55.123  insert     slot 1  bob  in the reader (connected to vpcd at 127.0.0.1:{vpcd.PortBase})",
            "2025-11-25 14:33:55.123  detach     slot 1  bob  out of the reader; image saved and unlocked",
        ], result.StdoutLines);
        Assert.Equal("The card is in its vpcd reader; press Ctrl+C to take it out.", Assert.Single(result.StderrLines));
    }

    [Fact]
    public async Task A_pc_sc_context_is_held_while_attached_so_pcscd_neither_stays_asleep_nor_auto_exits()
    {
        using var vpcd = new LoopbackVpcd();
        bool heldWhileInserted = false;
        Task stopper = Task.Run(() =>
        {
            LoopbackVpcd.WaitFor(() => vpcd.Connections == 1, Liveness);
            heldWhileInserted = _cli.Pcsc.OpenContexts == 1;
            _cli.Interrupt.Cancel();
        });

        CliResult result = _cli.Run("emulator", "attach", "--slot", "0", "alice", "--port-base",
            vpcd.PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await stopper.WaitAsync(Liveness);

        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.True(heldWhileInserted, "no PC/SC context was open while the card was in its reader");
        // One context, opened before the card went in, released when it came out.
        _cli.Pcsc.Mock.Verify(a => a.EstablishContext(It.IsAny<PcscScope>(), out It.Ref<nint>.IsAny), Times.Once);
        Assert.Equal(0, _cli.Pcsc.OpenContexts);
    }

    [Fact]
    public async Task Without_a_pc_sc_service_attach_exits_3_before_any_card_goes_in()
    {
        _cli.Pcsc.StopService();
        using var vpcd = new LoopbackVpcd();
        bool ran = true;
        // Were the card attached all the same, this takes it out again so the run ends (and the test fails).
        Task stopper = Task.Run(() =>
        {
            if (LoopbackVpcd.WaitFor(() => vpcd.Connections == 1 || !Volatile.Read(ref ran), Liveness) && vpcd.Connections == 1)
            {
                _cli.Interrupt.Cancel();
            }
        });

        CliResult result = _cli.Run("emulator", "attach", "--slot", "0", "alice", "--port-base",
            vpcd.PortBase.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Volatile.Write(ref ran, false);
        await stopper.WaitAsync(Liveness);

        Assert.Equal(ExitCodes.Unavailable, result.ExitCode);
        Assert.Equal("scc: the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]", result.SingleErrorLine());
        Assert.Equal("", result.Stdout);
        Assert.Equal(0, vpcd.Connections);
        // The image was opened to check it, and is unlocked again.
        using CardConnection alice = _home.Cards.Open("alice");
    }

    [Fact]
    public void Attach_help_defines_the_tearing_syntax_and_the_exit_codes()
    {
        CliResult result = _cli.Run("emulator", "attach", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--tear SLOT:during:K[:W]", result.Stdout);
        Assert.Contains("--tear-random SLOT:SEED:P[:POINT]", result.Stdout);
        Assert.Contains("vpcd listens on", result.Stdout);
        Assert.Contains("3 unknown card, no PC/SC service on this machine, vpcd", result.Stdout);
        Assert.Contains("or its slot holding another card", result.Stdout);
    }
}
