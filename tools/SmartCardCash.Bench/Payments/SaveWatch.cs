using SmartCardCash.Emulator.Images;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// Adds up how long a stored card's image saves take (write, fsync, rename, fsync of the folder), observed after each
/// command: the card saves at most once per command, before its answer goes out. Observed from the bridge's task,
/// read from the benchmark's.
/// </summary>
public sealed class SaveWatch(StoredCard card)
{
    private readonly Lock _gate = new();
    private int _seen = card.SaveCount;
    private int _saves;
    private TimeSpan _total;

    public int Saves
    {
        get
        {
            lock (_gate)
            {
                return _saves;
            }
        }
    }

    public TimeSpan Total
    {
        get
        {
            lock (_gate)
            {
                return _total;
            }
        }
    }

    /// <summary>Call after each command the card answered.</summary>
    public void Observe()
    {
        lock (_gate)
        {
            int now = card.SaveCount;
            if (now != _seen)
            {
                _saves += now - _seen;
                _total += card.LastSaveDuration;
                _seen = now;
            }
        }
    }
}
