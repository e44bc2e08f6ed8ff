namespace SmartCardCash.Emulator.Vpcd.Tests.Probes;

/// <summary>What the probe applet reports about the runtime's calls. Written on a slot's task, read by the test.</summary>
internal sealed class ProbeLog
{
    private readonly List<string> _events = [];

    public void Add(string name)
    {
        lock (_events)
        {
            _events.Add(name);
        }
    }

    public IReadOnlyList<string> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }
}
