using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.Emulator.Images;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// Several emulated cards in vpcd readers at once — one <see cref="VpcdBridge"/> per slot — stopped together.
/// </summary>
/// <example>
/// <code>
/// await using var attachment = new VpcdAttachment(loggerFactory: loggerFactory);
/// attachment.Attach(0, store.Open("alice", catalog));                    // "Virtual PCD 00 00"
/// attachment.Attach(1, store.Open("bob", catalog),
///     new VpcdSlotOptions { Interface = InterfaceProfile.Contactless });  // "Virtual PCD 00 01"
/// await stopRequested;                                                   // Ctrl-C
/// await attachment.StopAsync();                                          // cards out, images saved, locks released
/// </code>
/// </example>
/// <remarks>
/// Events of every slot are re-raised here (sender: the <see cref="VpcdBridge"/>), subscribed before the slot starts,
/// so none is missed. They come on the slots' tasks, possibly from several at once.
/// </remarks>
public sealed class VpcdAttachment : IAsyncDisposable, IDisposable
{
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly SortedDictionary<int, Attached> _slots = [];
    private bool _stopped;

    /// <param name="basePort">vpcd's port for slot 0; slot n uses basePort + n unless its options give a port.</param>
    /// <param name="host">vpcd's host for slots whose options do not give one.</param>
    /// <param name="loggerFactory">Logs of the slots (category <see cref="VpcdBridge"/>).</param>
    public VpcdAttachment(int basePort = VpcdBridge.DefaultBasePort, string host = VpcdSlotOptions.DefaultHost,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basePort, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basePort, 65535);
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        BasePort = basePort;
        Host = host;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<VpcdBridge>();
    }

    /// <inheritdoc cref="VpcdBridge.StateChanged"/>
    public event EventHandler<VpcdSlotStateChangedEventArgs>? StateChanged;

    /// <inheritdoc cref="VpcdBridge.Torn"/>
    public event EventHandler<VpcdTearEventArgs>? Torn;

    /// <inheritdoc cref="VpcdBridge.ApduExchanged"/>
    public event EventHandler<VpcdApduEventArgs>? ApduExchanged;

    /// <inheritdoc cref="VpcdBridge.Faulted"/>
    public event EventHandler<VpcdSlotFaultEventArgs>? Faulted;

    public int BasePort { get; }

    public string Host { get; }

    /// <summary>The attached slots, by slot number.</summary>
    public IReadOnlyList<VpcdBridge> Bridges
    {
        get
        {
            lock (_gate)
            {
                return _slots.Values.Select(attached => attached.Bridge).ToList();
            }
        }
    }

    /// <summary>The bridge in <paramref name="slot"/>.</summary>
    public VpcdBridge this[int slot]
    {
        get
        {
            lock (_gate)
            {
                return _slots.TryGetValue(slot, out Attached? attached)
                    ? attached.Bridge
                    : throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"nothing is attached to slot {slot}"));
            }
        }
    }

    /// <summary>
    /// Attaches a card opened from a <see cref="CardImageStore"/> to <paramref name="slot"/> and starts it. The attachment
    /// then owns the card: it disposes it (saving it and releasing its lock) when the slot is detached or the attachment
    /// stops. If this throws, the caller still owns it.
    /// </summary>
    public VpcdBridge Attach(int slot, StoredCard card, VpcdSlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        return AttachCore(slot, card.Card, card.Name, options, card);
    }

    /// <summary>Attaches an in-memory card to <paramref name="slot"/> and starts it. The caller keeps the card.</summary>
    public VpcdBridge Attach(int slot, EmulatedCard card, string name, VpcdSlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return AttachCore(slot, card, name, options, owned: null);
    }

    /// <summary>Detaches one slot (the card leaves its reader) and disposes the card if the attachment owns it.</summary>
    public async Task DetachAsync(int slot)
    {
        Attached? attached;
        lock (_gate)
        {
            if (!_slots.Remove(slot, out attached))
            {
                throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"nothing is attached to slot {slot}"));
            }
        }
        await StopOneAsync(attached).ConfigureAwait(false);
    }

    /// <summary>Detaches every slot at once and disposes the cards the attachment owns. Idempotent.</summary>
    public async Task StopAsync()
    {
        List<Attached> all;
        lock (_gate)
        {
            _stopped = true;
            all = [.. _slots.Values];
            _slots.Clear();
        }
        await Task.WhenAll(all.Select(StopOneAsync)).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    public void Dispose() => StopAsync().GetAwaiter().GetResult();

    private VpcdBridge AttachCore(int slot, EmulatedCard card, string name, VpcdSlotOptions? options, StoredCard? owned)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        options ??= new VpcdSlotOptions();
        options = options with
        {
            Host = options.Host ?? Host,
            Port = options.Port ?? CheckedPort(slot),
        };
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            if (_slots.TryGetValue(slot, out Attached? existing))
            {
                throw new ArgumentException(
                    string.Create(CultureInfo.InvariantCulture, $"slot {slot} already holds {existing.Bridge.CardName}"), nameof(slot));
            }
            foreach (Attached other in _slots.Values)
            {
                if (ReferenceEquals(other.Bridge.Card, card))
                {
                    throw new ArgumentException(
                        string.Create(CultureInfo.InvariantCulture, $"{name} is already attached to slot {other.Bridge.Slot}: a card can be in one reader only"),
                        nameof(card));
                }
            }
            var bridge = new VpcdBridge(slot, card, name, options, _logger);
            bridge.StateChanged += (sender, e) => StateChanged?.Invoke(sender, e);
            bridge.Torn += (sender, e) => Torn?.Invoke(sender, e);
            bridge.ApduExchanged += (sender, e) => ApduExchanged?.Invoke(sender, e);
            bridge.Faulted += (sender, e) => Faulted?.Invoke(sender, e);
            _slots.Add(slot, new Attached(bridge, owned));
            bridge.Start();
            return bridge;
        }
    }

    private int CheckedPort(int slot)
    {
        int port = BasePort + slot;
        if (port > 65535)
        {
            throw new ArgumentOutOfRangeException(nameof(slot), slot,
                string.Create(CultureInfo.InvariantCulture, $"slot {slot} would use port {port} (base port {BasePort})"));
        }
        return port;
    }

    private async Task StopOneAsync(Attached attached)
    {
        await attached.Bridge.DetachAsync().ConfigureAwait(false);
        if (attached.Owned is not StoredCard owned)
        {
            return;
        }
        // Only once the slot's task has let go of the card: disposing it powers it off and releases the image lock.
        // The task is still running when the stop was asked from its own event handler, or timed out.
        if (attached.Bridge.Completion.IsCompleted)
        {
            DisposeCard(attached.Bridge, owned);
        }
        else
        {
            VpcdLog.CardReleasedLater(_logger, attached.Bridge.Slot, attached.Bridge.CardName);
            _ = attached.Bridge.Completion.ContinueWith(_ => DisposeCard(attached.Bridge, owned), CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void DisposeCard(VpcdBridge bridge, StoredCard card)
    {
        try
        {
            card.Dispose();
        }
        catch (Exception e)
        {
            // The other slots still have to stop; the error is the card's last save failing.
            VpcdLog.CardDisposeFailed(_logger, e, bridge.Slot, bridge.CardName);
        }
    }

    private sealed record Attached(VpcdBridge Bridge, StoredCard? Owned);
}
