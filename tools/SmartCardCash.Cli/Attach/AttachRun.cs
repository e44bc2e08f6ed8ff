using System.Collections.Concurrent;
using System.Net;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Emulator.Vpcd;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.LocalData;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Attach;

/// <summary>
/// One run of <c>scc emulator attach</c>: opens the images (locking them), attaches them to their vpcd slots, waits
/// for every slot to reach vpcd, then reports events until Ctrl+C/SIGTERM or a slot fault, and detaches everything.
/// The slots raise events on their own tasks; they are queued and written by the command's thread, so output lines
/// never interleave.
/// </summary>
internal sealed class AttachRun(CliContext context, AttachPlan plan, bool json, ILoggerFactory logging, ILogger? trace)
{
    private readonly Channel<AttachRecord> _queue = Channel.CreateUnbounded<AttachRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<int, bool> _reachedVpcd = new();
    private readonly Dictionary<int, VpcdBridge> _bridges = [];

    /// <summary>Set (once) when a slot finds vpcd serving another card before this card ever got in: attach stops.</summary>
    private readonly TaskCompletionSource<int> _occupiedSlot = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// A PC/SC context on the local pcscd, held while attached: opening it starts a socket-activated pcscd (so vpcd
    /// listens), and holding it keeps one started with --auto-exit (Debian's unit) from quitting after 60 s without
    /// clients, which would drop the cards. Without one at the start there is nothing to attach to: exit 3 before any
    /// card goes in. Later it is opened again when vpcd drops the cards (pcscd stopped or restarted), and a pcscd that
    /// is away for a while is waited for, as vpcd is. Used by the command's thread only.
    /// </summary>
    private PcscContext? _keepAlive;

    private readonly bool _holdPcsc = IsLocal(plan.Host);
    private volatile AttachRecord? _stoppedBy;

    public int Run()
    {
        EmulatedCardStore store = EmulatedCardStore.ForHome(context.Home);
        var opened = new List<(SlotPlan Slot, StoredCard Card)>();
        try
        {
            foreach (SlotPlan slot in plan.Slots)
            {
                opened.Add((slot, store.OpenStored(slot.Card)));
            }

            // The images first: a card that cannot be attached is the first thing to hear about.
            _keepAlive = _holdPcsc ? OpenPcsc() : null;
        }
        catch
        {
            opened.ForEach(o => o.Card.Dispose());
            throw;
        }

        var attachment = new VpcdAttachment(plan.PortBase, plan.Host, logging);
        attachment.StateChanged += OnStateChanged;
        attachment.Torn += OnTorn;
        attachment.Faulted += OnFaulted;
        if (trace is not null)
        {
            attachment.ApduExchanged += (sender, e) => AttachLog.Exchanged(trace, e.Slot, ((VpcdBridge)sender!).CardName, e.ApduNumber,
                Hex.Encode(e.Command.Span), Hex.Encode(e.Response.Span));
        }

        Exception? failure = null;
        int attached = 0;
        try
        {
            for (; attached < opened.Count; attached++)
            {
                (SlotPlan slot, StoredCard card) = opened[attached];
                InterfaceProfile used = slot.Interface ?? card.Card.Profile.Interface;
                // Queued before the slot starts, so "attach" always comes before the slot's own events.
                Post(new AttachRecord(context.Time.GetLocalNow(), AttachRecord.Attached, slot.Slot, slot.Card,
                    $"{PurseFormats.Interface(used)}, ATR {Hex.Encode(AnswerToReset.For(used))}, vpcd {plan.Host}:{plan.PortOf(slot.Slot)}" +
                    (slot.Tearing.Kind == VpcdTearingKind.None ? string.Empty : $", {slot.Tearing}"))
                {
                    Interface = PurseFormats.Interface(used),
                    Atr = Hex.Encode(AnswerToReset.For(used)),
                    Vpcd = $"{plan.Host}:{plan.PortOf(slot.Slot)}",
                });
                _bridges[slot.Slot] = attachment.Attach(slot.Slot, card, new VpcdSlotOptions
                {
                    Interface = slot.Interface,
                    Tearing = slot.Tearing,
                    ReinsertAfterTear = plan.ReinsertAfterTear,
                });
            }
            failure = WaitForVpcd();
            if (failure is null && _stoppedBy is null && !context.Interrupt.IsCancellationRequested)
            {
                if (!json)
                {
                    context.Stderr.WriteLine(plan.Slots.Count == 1
                        ? "The card is in its vpcd reader; press Ctrl+C to take it out."
                        : $"{plan.Slots.Count} cards are in vpcd's readers; press Ctrl+C to take them out.");
                }
                WaitUntilStopped();
            }
        }
        finally
        {
            // Cards not handed to the attachment yet are still ours (the attachment owns the others).
            for (int i = attached; i < opened.Count; i++)
            {
                opened[i].Card.Dispose();
            }
            attachment.StopAsync().GetAwaiter().GetResult();
            _queue.Writer.TryComplete();
            Drain();
            _keepAlive?.Dispose();
        }

        if (failure is not null)
        {
            throw failure;
        }
        if (_stoppedBy is { } fault)
        {
            throw new LocalDataException($"slot {fault.Slot} ({fault.Card}) stopped: {fault.Message}");
        }
        return ExitCodes.Success;
    }

    private static bool IsLocal(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out IPAddress? address) && IPAddress.IsLoopback(address));

    /// <summary>A PC/SC context on the local pcscd.</summary>
    /// <exception cref="CardServiceUnavailableException">No PC/SC service: attach exits 3 with PC/SC's own sentence.</exception>
    private PcscContext OpenPcsc() =>
        PcscContext.Establish(context.Pcsc, PcscScope.User, logging.CreateLogger(CliLogging.PcscCategory));

    /// <summary>A PC/SC context on the local pcscd again, or null while there is none to be had (pcscd restarting).</summary>
    private PcscContext? TryOpenPcsc()
    {
        try
        {
            return OpenPcsc();
        }
        catch (SmartCardException e)
        {
            AttachLog.NoPcscContext(logging.CreateLogger(CliLogging.PcscCategory), e.Message);
            return null;
        }
    }

    /// <summary>
    /// Null once every slot has reached vpcd (or Ctrl+C, or a slot fault); the error when a slot finds another card in
    /// its reader, or after the grace period. A slot connected to vpcd but not polled yet when the grace period ends
    /// gets the time its bridge needs to tell a free reader from one that holds another card.
    /// </summary>
    private Exception? WaitForVpcd()
    {
        CancellationTokenSource timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Interrupt);
        timeout.CancelAfter(plan.ConnectTimeout);
        bool extended = false;
        try
        {
            while (true)
            {
                Drain();
                if (_occupiedSlot.Task.IsCompleted)
                {
                    return SlotOccupied(_occupiedSlot.Task.Result);
                }
                if (_stoppedBy is not null || context.Interrupt.IsCancellationRequested || _reachedVpcd.Count == plan.Slots.Count)
                {
                    return null;
                }
                try
                {
                    Task.WhenAny(_queue.Reader.WaitToReadAsync(timeout.Token).AsTask(), _occupiedSlot.Task).Unwrap().GetAwaiter().GetResult();
                }
                catch (OperationCanceledException) when (!context.Interrupt.IsCancellationRequested)
                {
                    SlotPlan missing = plan.Slots.First(s => !_reachedVpcd.ContainsKey(s.Slot));
                    VpcdSlotStatistics statistics = _bridges[missing.Slot].Statistics;
                    if (!extended && statistics.Connects > statistics.Disconnects)
                    {
                        extended = true;
                        timeout.Dispose();
                        timeout = CancellationTokenSource.CreateLinkedTokenSource(context.Interrupt);
                        timeout.CancelAfter(OccupiedVerdict);
                        continue;
                    }
                    return new CardServiceUnavailableException($"vpcd is not listening on {plan.Host}:{plan.PortOf(missing.Slot)}: " +
                        "is pcscd running with vsmartcard-vpcd installed?");
                }
                catch (OperationCanceledException)
                {
                    return null;
                }
            }
        }
        finally
        {
            timeout.Dispose();
        }
    }

    /// <summary>Long enough for a bridge to call a slot occupied (<see cref="VpcdSlotOptions.OccupiedAfter"/>) after it connected.</summary>
    private static TimeSpan OccupiedVerdict => new VpcdSlotOptions().OccupiedAfter + TimeSpan.FromSeconds(1);

    private ReaderUnavailableException SlotOccupied(int slot) =>
        new($"vpcd's slot {slot} ({plan.Host}:{plan.PortOf(slot)}) already holds another card, and vpcd serves one card " +
            "per slot: take that card out, or choose another --slot");

    private void WaitUntilStopped()
    {
        while (true)
        {
            Drain();
            if (_stoppedBy is not null)
            {
                return;
            }
            try
            {
                _queue.Reader.WaitToReadAsync(context.Interrupt).AsTask().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (context.Interrupt.IsCancellationRequested)
            {
                // Ctrl+C or SIGTERM is how an attach ends: not an error.
                return;
            }
        }
    }

    private void OnStateChanged(object? sender, VpcdSlotStateChangedEventArgs e)
    {
        var bridge = (VpcdBridge)sender!;
        string vpcd = $"{bridge.Host}:{bridge.Port}";
        switch (e.Current)
        {
            case VpcdSlotState.Inserted:
                bool first = _reachedVpcd.TryAdd(e.Slot, true);
                Post(Record(AttachRecord.Inserted, bridge, first ? $"in the reader (connected to vpcd at {vpcd})" : $"back in the reader (vpcd {vpcd})")
                    with { Vpcd = vpcd });
                break;
            case VpcdSlotState.Removed:
                Post(Record(AttachRecord.Removed, bridge, e.Reason));
                break;
            case VpcdSlotState.Connecting when e.Previous == VpcdSlotState.Inserted:
                Post(Record(AttachRecord.Reconnecting, bridge, $"{e.Reason}; reconnecting") with { Vpcd = vpcd });
                break;
            case VpcdSlotState.Occupied when !_reachedVpcd.ContainsKey(e.Slot):
                // Another card is in this reader: attach reports it and stops rather than wait for that card to leave.
                _occupiedSlot.TrySetResult(e.Slot);
                break;
            case VpcdSlotState.Occupied:
                // Our card was in this reader and another took it meanwhile: the slot keeps trying, so say so and wait.
                Post(Record(AttachRecord.Occupied, bridge, $"vpcd's slot {e.Slot} ({vpcd}) now holds another card; " +
                    "waiting for it to leave") with { Vpcd = vpcd });
                break;
            case VpcdSlotState.Detached:
                Post(Record(AttachRecord.Detached, bridge, "out of the reader; image saved and unlocked"));
                break;
            default:
                // Connecting at the start (and between retries) says nothing new; Faulted comes with its Faulted event.
                break;
        }
    }

    private void OnTorn(object? sender, VpcdTearEventArgs e)
    {
        var bridge = (VpcdBridge)sender!;
        string header = Hex.Encode(e.Command.Span[..Math.Min(4, e.Command.Length)]);
        string command = $"command {e.ApduNumber} ({header})";
        (string point, string message) = e.Point switch
        {
            VpcdTearPoint.BeforeCommand => ("before", $"card pulled out before {command} reached it"),
            VpcdTearPoint.DuringCommand => ("during", e.PowerLostAtWrite
                ? $"card pulled out during {command}: power lost at one of its persistent writes"
                : $"card pulled out during {command}: power lost before its answer"),
            _ => ("after", $"card pulled out after the answer to {command}"),
        };
        Post(Record(AttachRecord.Torn, bridge, message) with { Apdu = e.ApduNumber, Point = point });
    }

    private void OnFaulted(object? sender, VpcdSlotFaultEventArgs e)
    {
        var bridge = (VpcdBridge)sender!;
        string reason = ErrorReporter.OneLine(e.Exception.Message);
        AttachRecord record = Record(AttachRecord.Fault, bridge,
            e.SlotStopped ? $"slot stopped, card out: {reason}" : $"applet fault, answered 6F00: {reason}");
        if (e.SlotStopped)
        {
            _stoppedBy ??= record with { Message = reason };
        }
        Post(record);
    }

    private AttachRecord Record(string kind, VpcdBridge bridge, string message) =>
        new(context.Time.GetLocalNow(), kind, bridge.Slot, bridge.CardName, message);

    private void Post(AttachRecord record) => _queue.Writer.TryWrite(record);

    private void Drain()
    {
        while (_queue.Reader.TryRead(out AttachRecord? record))
        {
            if (_holdPcsc && (record.Event == AttachRecord.Reconnecting || (record.Event == AttachRecord.Inserted && _keepAlive is null)))
            {
                // The old context died with the old pcscd; a new one also wakes a socket-activated pcscd up.
                _keepAlive?.Dispose();
                _keepAlive = TryOpenPcsc();
            }
            if (json)
            {
                JsonOutput.WriteLine(context.Stdout, record.ToJson());
            }
            else
            {
                context.Stdout.WriteLine(record.ToLine(plan.Slots.Max(s => s.Card.Length)));
            }
        }
    }
}
