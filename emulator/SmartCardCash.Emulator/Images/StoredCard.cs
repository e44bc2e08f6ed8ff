using SmartCardCash.DurableFiles;
using System.Diagnostics;

namespace SmartCardCash.Emulator.Images;

/// <summary>
/// An emulated card backed by its image file, opened through a <see cref="CardImageStore"/>. The card saves itself
/// (atomically) after every command, power-up, power-off or installation that changed its memory or registry, so a
/// process killed at any moment leaves the image as it was before or after a command. Holds the image's lock until
/// disposed.
/// </summary>
public sealed class StoredCard : IDisposable, ICardPersistence
{
    private readonly FileStream _lock;
    private bool _disposed;

    internal StoredCard(string name, string path, FileStream lockStream, EmulatedCard card)
    {
        Name = name;
        Path = path;
        _lock = lockStream;
        Card = card;
        card.Persistence = this;
    }

    public string Name { get; }

    /// <summary>Full path of the image file.</summary>
    public string Path { get; }

    public EmulatedCard Card { get; }

    /// <summary>Number of times the image was written since it was opened.</summary>
    public int SaveCount { get; private set; }

    /// <summary>How long the last save took (write, fsync, rename, directory fsync).</summary>
    public TimeSpan LastSaveDuration { get; private set; }

    /// <summary>A channel named "emulator:NAME" (powering the card on if needed).</summary>
    public EmulatedCardChannel OpenChannel(bool powerOffOnDispose = true) =>
        new(Card, $"emulator:{Name}", powerOffOnDispose);

    /// <summary>Writes the image now. Saving happens by itself after every change; this forces one.</summary>
    public void Save()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        long started = Stopwatch.GetTimestamp();
        PrivateFiles.WriteAtomically(Path, CardImage.Of(Name, Card).ToBytes());
        LastSaveDuration = Stopwatch.GetElapsedTime(started);
        SaveCount++;
    }

    void ICardPersistence.Persist(EmulatedCard card) => Save();

    /// <summary>Powers the card off (saving if that changed anything), stops saving and releases the lock.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        try
        {
            Card.PowerOff();
        }
        finally
        {
            Card.Persistence = null;
            _disposed = true;
            _lock.Dispose();
        }
    }

    public override string ToString() => $"{Name} ({Path})";
}
