namespace SmartCardCash.Pcsc.Monitoring;

/// <summary>What the monitor thread knows about one reader. Owned by that thread alone.</summary>
internal sealed class MonitoredReader(string name)
{
    public string Name { get; } = name;

    /// <summary>The entry passed to SCardGetStatusChange; its current state is what we last accepted.</summary>
    public PcscReaderState State { get; private set; } = new(name);

    public bool CardPresent { get; set; }

    public byte[] Atr { get; set; } = [];

    public PcscReaderStateFlags Flags { get; set; }

    public int EventCount { get; set; }

    /// <summary>Whether <see cref="EventCount"/> comes from this context, so a difference means events happened.</summary>
    public bool EventCountKnown { get; set; }

    /// <summary>Starts over with an unaware state, for a new context (counters and states are per connection).</summary>
    public void ResetForNewContext()
    {
        State = new PcscReaderState(Name);
        EventCountKnown = false;
    }

    public PcscReaderStatus ToStatus() => new(Name, Flags, Atr);
}
