using System.Diagnostics;
using SmartCardCash.DurableFiles;
using SmartCardCash.LocalData;

namespace SmartCardCash.Emulator.Images;

/// <summary>
/// An emulated card backed by its image file, opened through a <see cref="CardImageStore"/>. The card saves itself
/// (atomically) after every command, power-up, power-off or installation that changed its memory or registry, so a
/// process killed at any moment leaves the image as it was before or after a command. Holds the image's lock until
/// disposed.
/// </summary>
/// <remarks>
/// A save that fails (<see cref="CardImageSaveException"/>) fails the command that made the change, so its answer is
/// never given, and every save after it fails the same way without writing: the image keeps the card as it was after
/// the last answered command, like a card pulled from the reader at that point, and the host never sees a state the
/// image does not hold. <see cref="SaveFailure"/> says why.
/// </remarks>
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

    /// <summary>Why the image could not be saved, or null: once set, nothing more is saved from this opening.</summary>
    public CardImageSaveException? SaveFailure { get; private set; }

    /// <summary>A channel named "emulator:NAME" (powering the card on if needed).</summary>
    public EmulatedCardChannel OpenChannel(bool powerOffOnDispose = true) =>
        new(Card, $"emulator:{Name}", powerOffOnDispose);

    /// <summary>Writes the image now. Saving happens by itself after every change; this forces one.</summary>
    /// <exception cref="CardImageSaveException">The image cannot be written, now or at an earlier save.</exception>
    public void Save()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (SaveFailure is not null)
        {
            throw SaveFailure;
        }
        long started = Stopwatch.GetTimestamp();
        try
        {
            PrivateFiles.WriteAtomically(Path, CardImage.Of(Name, Card).ToBytes());
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            SaveFailure = new CardImageSaveException(Name, Path, e);
            throw SaveFailure;
        }
        LastSaveDuration = Stopwatch.GetElapsedTime(started);
        SaveCount++;
    }

    void ICardPersistence.Persist(EmulatedCard card) => Save();

    /// <summary>
    /// Powers the card off (saving if that changed anything), stops saving and releases the lock. A power-off that
    /// cannot be saved throws nothing: the image keeps the card as after its last answered command, as if it had been
    /// pulled from the reader, which a card survives by design; <see cref="SaveFailure"/> records it.
    /// </summary>
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
        catch (CardImageSaveException)
        {
            // Recorded in SaveFailure; the image holds the last answered state.
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
