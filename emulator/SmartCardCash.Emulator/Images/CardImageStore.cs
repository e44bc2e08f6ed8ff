using SmartCardCash.DurableFiles;
using SmartCardCash.LocalData;
using System.Text.RegularExpressions;

namespace SmartCardCash.Emulator.Images;

/// <summary>
/// A folder of card images, one file per card (<c>NAME.card</c>, mode 0600, in a folder created 0700), each with a
/// lock file (<c>NAME.card.lock</c>) that keeps two processes from using the same card at once.
/// </summary>
/// <remarks>
/// The default folder is <c>cards/</c> in the SmartCardCash home (<see cref="SccHome"/>: <c>$SCC_HOME</c> when set,
/// otherwise <c>smartcardcash</c> under the user's local application data). Locks are
/// <see cref="FileShare.None"/> opens, which .NET implements with flock(2) on Unix: the operating system releases them
/// when the process dies, even by kill -9.
/// </remarks>
public sealed partial class CardImageStore
{
    public const string FileExtension = ".card";
    private const string LockSuffix = ".lock";

    public CardImageStore(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = System.IO.Path.GetFullPath(directory);
    }

    public string Directory { get; }

    /// <summary>$SCC_HOME/cards, or smartcardcash/cards under the local application data folder.</summary>
    public static string DefaultDirectory => SccHome.CardsDirectory(SccHome.Resolve(Environment.GetEnvironmentVariable));

    public static CardImageStore OpenDefault() => new(DefaultDirectory);

    /// <summary>The image file of card <paramref name="name"/>.</summary>
    public string PathOf(string name)
    {
        ValidateName(name);
        return System.IO.Path.Combine(Directory, name + FileExtension);
    }

    public bool Exists(string name) => File.Exists(PathOf(name));

    /// <summary>Names of the cards in the folder, sorted.</summary>
    public IReadOnlyList<string> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }
        return System.IO.Directory.EnumerateFiles(Directory, "*" + FileExtension)
            .Select(path => System.IO.Path.GetFileName(path)[..^FileExtension.Length])
            .Where(IsValidName)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Creates a blank card (no applets) and opens it. Fails if a card with that name exists.</summary>
    public StoredCard Create(string name, CardProfile profile, EmulatedCardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        string path = PathOf(name);
        EnsureDirectory();
        FileStream lockStream = AcquireLock(name, path);
        try
        {
            if (File.Exists(path))
            {
                throw new IOException($"a card image named '{name}' already exists at {path}");
            }
            var stored = new StoredCard(name, path, lockStream, new EmulatedCard(profile, options));
            stored.Save();
            return stored;
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>Opens a card, re-creating its applets from <paramref name="catalog"/>. The card starts unpowered.</summary>
    public StoredCard Open(string name, AppletCatalog catalog, EmulatedCardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        string path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"there is no card image named '{name}' in {Directory}", path);
        }
        FileStream lockStream = AcquireLock(name, path);
        try
        {
            CardImage image = ReadImage(name, path);
            var stored = new StoredCard(name, path, lockStream, image.CreateCard(catalog, options));
            stored.Card.MarkPersisted();
            return stored;
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    /// <summary>Reads a card's image without opening the card (no lock needed: images are replaced atomically).</summary>
    public CardImage Read(string name)
    {
        string path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"there is no card image named '{name}' in {Directory}", path);
        }
        return ReadImage(name, path);
    }

    /// <summary>Deletes a card's image and lock file. Fails while the card is open anywhere.</summary>
    public void Delete(string name)
    {
        string path = PathOf(name);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"there is no card image named '{name}' in {Directory}", path);
        }
        using (AcquireLock(name, path))
        {
            File.Delete(path);
            File.Delete(path + ".tmp");
            File.Delete(path + LockSuffix);
        }
    }

    /// <summary>
    /// Takes card <paramref name="name"/>'s lock without opening the card, until disposed: for removing a whole folder
    /// of cards only when none of them is in use.
    /// </summary>
    /// <exception cref="CardImageLockedException">The card is open in another process (or another handle here).</exception>
    public IDisposable Lock(string name) => AcquireLock(name, PathOf(name));

    public static bool IsValidName(string name) => name is not null && NamePattern().IsMatch(name);

    private static void ValidateName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"'{name}' is not a valid card name: use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit",
                nameof(name));
        }
    }

    private static CardImage ReadImage(string name, string path)
    {
        CardImage image = CardImage.Parse(File.ReadAllBytes(path), path);
        if (image.Name != name)
        {
            throw new CardImageFormatException($"{path} holds card '{image.Name}', not '{name}': the file was renamed or copied");
        }
        return image;
    }

    private void EnsureDirectory() => PrivateFiles.EnsureDirectory(Directory);

    private static FileStream AcquireLock(string name, string path)
    {
        string lockPath = path + LockSuffix;
        FileStreamOptions options = PrivateFiles.CreateOptions(FileMode.OpenOrCreate, FileAccess.ReadWrite);
        try
        {
            return new FileStream(lockPath, options);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException and not PathTooLongException)
        {
            throw new CardImageLockedException(name, lockPath, e);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();
}
