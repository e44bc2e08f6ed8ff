namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>What event handlers were given, in order. Handlers run on a slot's task; the test reads a copy.</summary>
internal class RecordedEvents<T>
{
    private readonly List<T> _events = [];

    public IReadOnlyList<T> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public void Add(T item)
    {
        lock (_events)
        {
            _events.Add(item);
        }
    }
}
