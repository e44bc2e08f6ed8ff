using SmartCardCash.Pcsc.Monitoring;

namespace SmartCardCash.Pcsc.Tests.Fakes;

/// <summary>Records a monitor's events as short strings, in order, and lets a test wait for them.</summary>
internal sealed class EventRecorder
{
    /// <summary>A liveness bound, not a speed target: the wait fails only if the event never comes.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private readonly object _lock = new();
    private readonly List<string> _events = [];

    public EventRecorder(PcscMonitor monitor)
    {
        monitor.ReaderAttached += (_, e) => Add($"attached:{e.ReaderName}:{e.Cause}");
        monitor.ReaderDetached += (_, e) => Add($"detached:{e.ReaderName}:{e.Cause}");
        monitor.CardInserted += (_, e) => Add($"inserted:{e.ReaderName}:{Convert.ToHexString(e.Atr.Span)}:{e.Cause}");
        monitor.CardRemoved += (_, e) => Add($"removed:{e.ReaderName}:{Convert.ToHexString(e.Atr.Span)}:{e.Cause}");
        monitor.ServiceUnavailable += (_, _) => Add("service-unavailable");
        monitor.ServiceAvailable += (_, _) => Add("service-available");
        monitor.MonitorError += (_, e) => Add($"error:{(e.IsHandlerFailure ? "handler" : "pcsc")}");
    }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_lock)
            {
                return [.. _events];
            }
        }
    }

    public void Add(string entry)
    {
        lock (_lock)
        {
            _events.Add(entry);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> events were recorded and returns them all.</summary>
    public IReadOnlyList<string> WaitForCount(int count)
    {
        var deadline = DateTime.UtcNow + Patience;
        lock (_lock)
        {
            while (_events.Count < count)
            {
                var remaining = deadline - DateTime.UtcNow;
                Assert.True(remaining > TimeSpan.Zero,
                    $"expected {count} events, got {_events.Count}: {string.Join(", ", _events)}");
                Monitor.Wait(_lock, remaining);
            }

            return [.. _events];
        }
    }

    /// <summary>Waits until an event starting with <paramref name="prefix"/> was recorded.</summary>
    public void WaitFor(string prefix)
    {
        var deadline = DateTime.UtcNow + Patience;
        lock (_lock)
        {
            while (!_events.Any(e => e.StartsWith(prefix, StringComparison.Ordinal)))
            {
                var remaining = deadline - DateTime.UtcNow;
                Assert.True(remaining > TimeSpan.Zero,
                    $"expected an event '{prefix}…', got: {string.Join(", ", _events)}");
                Monitor.Wait(_lock, remaining);
            }
        }
    }

    /// <summary>
    /// Checks the pairing invariant over the whole sequence: a card is inserted only into an attached reader,
    /// inserts and removes alternate per reader, and a reader detaches only after its card was removed.
    /// </summary>
    public static void AssertConsistent(IEnumerable<string> events)
    {
        var attached = new HashSet<string>();
        var withCard = new HashSet<string>();
        foreach (var e in events)
        {
            var parts = e.Split(':');
            switch (parts[0])
            {
                case "attached":
                    Assert.True(attached.Add(parts[1]), $"'{e}' but the reader was attached already");
                    break;
                case "detached":
                    Assert.True(attached.Remove(parts[1]), $"'{e}' but the reader was not attached");
                    Assert.False(withCard.Contains(parts[1]), $"'{e}' while its card was still in");
                    break;
                case "inserted":
                    Assert.Contains(parts[1], attached);
                    Assert.True(withCard.Add(parts[1]), $"'{e}' but a card was in already");
                    break;
                case "removed":
                    Assert.True(withCard.Remove(parts[1]), $"'{e}' but no card was in");
                    break;
            }
        }
    }
}
