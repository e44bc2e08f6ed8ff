using System.Security.Cryptography;
using SmartCardCash.AppletApi;
using SmartCardCash.DurableFiles;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.CardAccess;

/// <summary>
/// Emulated purse cards kept as durable images (<c>$SCC_HOME/cards/NAME.card</c>, see the emulator's
/// <see cref="CardImageStore"/>), each with the purse applet installed under its AID. Opening a card locks its image
/// and powers it up through its own interface profile; disposing the connection powers it off, saves it and unlocks it.
/// </summary>
public sealed class EmulatedCardStore
{
    /// <summary>The applet type name recorded in images for the purse.</summary>
    public const string PurseAppletType = "SmartCardCash.Purse";

    private readonly CardImageStore _images;
    private readonly Func<ICardRandom>? _random;

    /// <param name="directory">The image folder.</param>
    /// <param name="random">The cards' random source, new for every opening; the operating system's when null.
    /// Tests pass a deterministic one.</param>
    public EmulatedCardStore(string directory, Func<ICardRandom>? random = null)
    {
        _images = new CardImageStore(directory);
        _random = random;
    }

    /// <summary>The store in <c>cards/</c> under a SmartCardCash home.</summary>
    public static EmulatedCardStore ForHome(string home, Func<ICardRandom>? random = null) =>
        new(SccHome.CardsDirectory(home), random);

    /// <summary>The applets an image may hold: the purse.</summary>
    public static AppletCatalog Catalog { get; } = new AppletCatalog().Add(PurseAppletType, PurseApplet.Factory);

    public string Directory => _images.Directory;

    /// <summary>Card names, sorted.</summary>
    public IReadOnlyList<string> List()
    {
        try
        {
            return _images.List();
        }
        catch (Exception e) when (FolderProblem.IsFolderFailure(e))
        {
            throw new LocalDataException($"the cards folder {Directory} cannot be read ({FolderProblem.Describe(Directory, e)})", e);
        }
    }

    public bool Exists(string name) => CardImageStore.IsValidName(name) && _images.Exists(name);

    /// <summary>Opens card <paramref name="name"/>, powered up through its interface profile.</summary>
    /// <exception cref="CardNotFoundException">No image has that name.</exception>
    /// <exception cref="CardImageUnavailableException">The image is corrupt, unreadable or in use by another process.</exception>
    public CardConnection Open(string name)
    {
        CardAddress address = CardAddress.Emulated(name);
        return Start(address, OpenStored(name));
    }

    /// <summary>
    /// Opens card <paramref name="name"/>'s image for a caller that drives the card itself (the vpcd bridge puts it in
    /// a PC/SC reader): locked, not powered, saved after every change. Dispose it to save it and release the lock.
    /// </summary>
    /// <exception cref="CardNotFoundException">No image has that name.</exception>
    /// <exception cref="CardImageUnavailableException">The image is corrupt, unreadable or in use by another process.</exception>
    public StoredCard OpenStored(string name)
    {
        CardAddress.Emulated(name);
        if (!_images.Exists(name))
        {
            IReadOnlyList<string> names = List();
            throw new CardNotFoundException(names.Count == 0
                ? $"there is no emulated card named '{name}': {Directory} holds no cards yet"
                : $"there is no emulated card named '{name}'; the cards are {ReaderMatch.Quote(names)}", names);
        }
        return Guard(name, () => _images.Open(name, Catalog, Options()));
    }

    /// <summary>
    /// A new card that lives in memory only, on <paramref name="interfaceProfile"/>, with a blank purse installed (in
    /// PERSONALISATION): what conformance vectors run on. Its UID and key come from the operating system's randomness.
    /// </summary>
    public static EmulatedCard CreateInMemoryPurseCard(InterfaceProfile interfaceProfile)
    {
        long seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        var card = new EmulatedCard(CardProfile.FromSeed(interfaceProfile, seed));
        card.Install(PurseAid.Value, PurseAppletType, PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        return card;
    }

    /// <summary>
    /// Creates card <paramref name="name"/> on <paramref name="interfaceProfile"/> with a blank purse installed (in
    /// PERSONALISATION, ready for the issuer to personalise) and opens it.
    /// </summary>
    /// <exception cref="InvalidOperationException">A card with that name exists.</exception>
    public CardConnection CreatePurseCard(string name, InterfaceProfile interfaceProfile)
    {
        CardAddress address = CardAddress.Emulated(name);
        long seed = BitConverter.ToInt64(RandomNumberGenerator.GetBytes(8));
        StoredCard stored;
        try
        {
            stored = _images.Create(name, CardProfile.FromSeed(interfaceProfile, seed), Options());
        }
        catch (IOException e) when (e is not CardImageLockedException && _images.Exists(name))
        {
            throw new InvalidOperationException($"a card named '{name}' already exists in {Directory}", e);
        }
        catch (CardImageLockedException e)
        {
            throw new CardImageUnavailableException(name, CardImageProblem.InUse,
                $"card '{name}' is being created or used by another process", e);
        }
        catch (Exception e) when (FolderProblem.IsFolderFailure(e) && !System.IO.Directory.Exists(Directory))
        {
            // A home this user may not look into can hold cards already: SCC_HOME elsewhere is advised only for a path in the way.
            string advice = e is UnauthorizedAccessException ? "" : "; set SCC_HOME to a folder you can write";
            throw new CardImageUnavailableException(name, CardImageProblem.Unwritable,
                $"card '{name}' cannot be created: the cards folder {Directory} cannot be made ({FolderProblem.Describe(Directory, e)}){advice}", e);
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw NotCreated(name, e);
        }
        try
        {
            stored.Card.Install(PurseAid.Value, PurseAppletType, PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        }
        catch (Exception e)
        {
            stored.Dispose();
            _images.Delete(name);
            throw e is CardImageSaveException ? NotCreated(name, e) : e;
        }
        return Start(address, stored);
    }

    /// <summary>Deletes card <paramref name="name"/>'s image for good.</summary>
    /// <exception cref="CardNotFoundException">No image has that name.</exception>
    /// <exception cref="CardImageUnavailableException">The card is open in another process.</exception>
    public void Delete(string name)
    {
        CardAddress.Emulated(name);
        if (!_images.Exists(name))
        {
            throw new CardNotFoundException($"there is no emulated card named '{name}'", List());
        }
        Guard(name, deleting: true, action: () =>
        {
            _images.Delete(name);
            return true;
        });
    }

    /// <summary>The interface an image was created with, read without opening (no lock needed).</summary>
    public InterfaceProfile InterfaceOf(string name) => Guard(name, () => _images.Read(name).Profile.Interface);

    private EmulatedCardOptions Options() => new() { Random = _random?.Invoke() };

    /// <summary>
    /// The connection to a stored card. The card powers off when the stored card is disposed (last, after the channel),
    /// where a power-off that cannot be saved leaves the image as after the last answered command instead of throwing.
    /// </summary>
    private static CardConnection Start(CardAddress address, StoredCard stored)
    {
        try
        {
            EmulatedCardChannel channel = stored.OpenChannel(powerOffOnDispose: false);
            return new CardConnection(address, channel, stored.Name, stored, () => stored.SaveFailure is { } failure
                ? new CardImageUnavailableException(stored.Name, CardImageProblem.Unwritable, failure.Message, failure)
                : null);
        }
        catch (Exception e)
        {
            stored.Dispose();
            if (e is CardImageSaveException)
            {
                throw new CardImageUnavailableException(stored.Name, CardImageProblem.Unwritable, e.Message, e);
            }
            throw;
        }
    }

    private CardImageUnavailableException NotCreated(string name, Exception e)
    {
        Exception cause = e is CardImageSaveException { InnerException: { } inner } ? inner : e;
        return new CardImageUnavailableException(name, CardImageProblem.Unwritable,
            $"card '{name}' cannot be created: the cards folder {Directory} cannot be written ({FileProblem.Describe(cause)})", e);
    }

    /// <summary>Runs an image operation; its failures become <see cref="CardImageUnavailableException"/>s saying what is wrong.</summary>
    /// <param name="deleting">Whether the operation deletes the image, rather than reads it, when the file system refuses.</param>
    private T Guard<T>(string name, Func<T> action, bool deleting = false)
    {
        try
        {
            return action();
        }
        catch (CardImageLockedException e)
        {
            throw new CardImageUnavailableException(name, CardImageProblem.InUse,
                $"card '{name}' is in use by another process (lock {e.LockPath}); wait for it to finish, or close it there", e);
        }
        catch (CardImageFormatException e)
        {
            throw new CardImageUnavailableException(name, CardImageProblem.Damaged,
                $"the image of card '{name}' is damaged ({e.Message}); delete it and make the card again", e);
        }
        catch (KeyNotFoundException e)
        {
            throw new CardImageUnavailableException(name, CardImageProblem.UnknownApplet,
                $"card '{name}' holds an applet this program cannot run ({e.Message})", e);
        }
        catch (CardImageSaveException e)
        {
            throw new CardImageUnavailableException(name, CardImageProblem.Unwritable, e.Message, e);
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            // Not "damaged": what an image holds is unknown until it can be read, and it may hold value.
            throw new CardImageUnavailableException(name, deleting ? CardImageProblem.Unwritable : CardImageProblem.Unreadable,
                $"card '{name}' cannot be {(deleting ? "deleted" : "read")}: {e.Message.TrimEnd('.')}", e);
        }
    }
}
