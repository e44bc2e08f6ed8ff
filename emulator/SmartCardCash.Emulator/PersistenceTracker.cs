using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Emulator;

/// <summary>
/// Whether an <see cref="EmulatedCard"/> changed since it was last saved (its memory took writes, or its applet
/// registry or memory image was replaced), and the saving itself through <see cref="Target"/>.
/// </summary>
internal sealed class PersistenceTracker(NonVolatileMemory nvm)
{
    private long _persistedWriteCount = nvm.PersistentWriteCount;
    private bool _changed;

    /// <summary>Where the card saves itself; null for a card that lives in memory only.</summary>
    public ICardPersistence? Target { get; set; }

    /// <summary>A change the write count does not show (an installation, a restored image).</summary>
    public void MarkChanged() => _changed = true;

    /// <summary>What the card holds now is what was saved.</summary>
    public void MarkPersisted()
    {
        _persistedWriteCount = nvm.PersistentWriteCount;
        _changed = false;
    }

    public void PersistIfChanged(EmulatedCard card)
    {
        if (Target is null || (!_changed && _persistedWriteCount == nvm.PersistentWriteCount))
        {
            return;
        }
        Target.Persist(card);
        MarkPersisted();
    }
}
