using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartCardCash.DurableFiles;
using SmartCardCash.Iso7816;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Storage;

/// <summary>
/// The issuer on disk, in one folder (<c>$SCC_HOME/issuer</c>, mode 0700):
/// <list type="bullet">
/// <item><c>issuer-key.pem</c>: the private key, PKCS#8 PEM (<c>openssl pkey</c> reads it), mode 0600, written
/// atomically. Never printed.</item>
/// <item><c>issuer-certificate.cvc</c>: the self-signed issuer certificate, as the card stores it (<c>7F21 …</c>).</item>
/// <item><c>issuer.json</c>: issuer ID and the next purse serial.</item>
/// <item><c>mint-journal.jsonl</c>: one JSON line per mint (<see cref="MintRecord"/>), appended and flushed.</item>
/// <item><c>mint-intents.jsonl</c>: each mint announced before its MINT is sent, and closed ("minted" or "not-minted")
/// once the outcome is known, so a MINT whose answer was lost is never forgotten (<see cref="OpenMintIntents"/>).</item>
/// <item><c>issuer.lock</c>: held while the serial is allocated or the journal appended, so two processes never hand out
/// the same purse ID.</item>
/// </list>
/// Problems with these files are <see cref="LocalDataException"/>s that say what to do.
/// </summary>
public sealed class IssuerStore : IPurseSerialSource
{
    public const string KeyFileName = "issuer-key.pem";
    public const string CertificateFileName = "issuer-certificate.cvc";
    public const string StateFileName = "issuer.json";
    public const string JournalFileName = "mint-journal.jsonl";
    public const string IntentsFileName = "mint-intents.jsonl";
    private const string MintedOutcome = "minted";
    private const string NotMintedOutcome = "not-minted";
    private const string LockFileName = "issuer.lock";
    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time;

    public IssuerStore(string directory, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The store in <c>issuer/</c> under a SmartCardCash home (see <see cref="SccHome"/>).</summary>
    public static IssuerStore ForHome(string home, TimeProvider? time = null) => new(SccHome.IssuerDirectory(home), time);

    public string Directory { get; }

    public string KeyPath => Path.Combine(Directory, KeyFileName);

    public string CertificatePath => Path.Combine(Directory, CertificateFileName);

    public string StatePath => Path.Combine(Directory, StateFileName);

    public string JournalPath => Path.Combine(Directory, JournalFileName);

    public string IntentsPath => Path.Combine(Directory, IntentsFileName);

    /// <summary>Whether an issuer has been created here (its key file exists).</summary>
    /// <exception cref="LocalDataException">The folder cannot be looked into (permission denied, say after another user
    /// made it): whether there is an issuer cannot be told, and is never taken as "none".</exception>
    public bool Exists => Guard($"the issuer folder {Directory} cannot be read", () => PrivateFiles.FileExists(KeyPath));

    /// <summary>
    /// Creates the issuer: a new key pair, its self-signed certificate valid from today, serials from 1. An issuer
    /// already here is refused unless <paramref name="replace"/>; then its files are moved, not deleted, to
    /// <c>replaced-ID-TIME/</c> in this folder, because purses it certified still trust that key.
    /// </summary>
    /// <param name="id">The issuer ID; a random one when null.</param>
    public Issuer Create(IssuerId? id = null, bool replace = false)
    {
        EnsureStoreDirectory();
        using FileStream _ = LockStore();
        if (Exists)
        {
            if (!replace)
            {
                throw new InvalidOperationException($"an issuer already exists in {Directory}.");
            }
            SetAside();
        }
        DateTimeOffset now = _time.GetUtcNow();
        Issuer issuer = Issuer.Create(id ?? Issuer.NewId(), DateOnly.FromDateTime(now.UtcDateTime));
        // Certificate and state first, key last: the key file is what marks an issuer as present.
        WriteFile(CertificatePath, issuer.Certificate.Encoded.ToArray());
        WriteState(new IssuerState(issuer.Id, 1, now));
        WriteFile(KeyPath, Encoding.ASCII.GetBytes(IssuerKeyPem.Export(issuer.KeyPair)));
        return issuer;
    }

    /// <summary>Reads the issuer: key, certificate and ID, checked against one another.</summary>
    /// <exception cref="IssuerNotFoundException">No issuer here yet.</exception>
    /// <exception cref="LocalDataException">A file is unreadable, corrupt, readable by others, or does not match the others.</exception>
    public Issuer Load()
    {
        if (!Exists)
        {
            throw new IssuerNotFoundException(Directory);
        }
        UnixFileMode mode = default;
        if (Guard($"{KeyPath} cannot be read", () => PrivateFiles.IsReadableByOthers(KeyPath, out mode)))
        {
            throw new LocalDataException(
                $"the issuer key {KeyPath} is open to other users (mode {ModeText(mode)}); make it private with 'chmod 600 {KeyPath}'");
        }
        P256KeyPair keyPair = IssuerKeyPem.Import(ReadText(KeyPath), KeyPath);
        PurseCertificate certificate;
        try
        {
            certificate = PurseCertificate.Decode(ReadBytes(CertificatePath));
        }
        catch (PurseFormatException e)
        {
            throw new LocalDataException($"the issuer certificate {CertificatePath} is corrupt: {e.Message}", e);
        }
        IssuerState state = ReadState();
        try
        {
            return new Issuer(state.IssuerId, keyPair, certificate);
        }
        catch (ArgumentException e)
        {
            throw new LocalDataException(
                $"the issuer files in {Directory} do not belong together ({e.Message.TrimEnd('.')}); restore them from a backup", e);
        }
    }

    /// <summary>The issuer ID, the next serial and the creation time, from <c>issuer.json</c>.</summary>
    public IssuerState ReadState()
    {
        if (!Guard($"the issuer folder {Directory} cannot be read", () => PrivateFiles.FileExists(StatePath)))
        {
            throw Exists
                ? new LocalDataException($"{StatePath} is missing; restore it from a backup")
                : new IssuerNotFoundException(Directory);
        }
        try
        {
            IssuerStateJson json = JsonSerializer.Deserialize(ReadText(StatePath), IssuerJsonContext.Default.IssuerStateJson)
                ?? throw new JsonException("the file holds null");
            return new IssuerState(IssuerId.Parse(json.IssuerId), json.NextSerial,
                DateTimeOffset.Parse(json.Created, CultureInfo.InvariantCulture));
        }
        catch (Exception e) when (e is JsonException or FormatException or PurseFormatException or ArgumentNullException)
        {
            throw new LocalDataException($"{StatePath} is corrupt ({e.Message.TrimEnd('.')}); restore it from a backup", e);
        }
    }

    /// <summary>Hands out the next purse serial, durably, under the store's lock: never the same one twice.</summary>
    public uint AllocateSerial()
    {
        using FileStream _ = LockStore();
        IssuerState state = ReadState();
        if (state.NextSerial == uint.MaxValue)
        {
            throw new LocalDataException($"issuer {state.IssuerId} has given out all its purse serials");
        }
        WriteState(state with { NextSerial = state.NextSerial + 1 });
        return state.NextSerial;
    }

    /// <summary>Appends a mint to the journal and flushes it to disk.</summary>
    public void AppendMint(MintRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureStoreDirectory();
        using FileStream _ = LockStore();
        AppendMintLocked(record);
    }

    private void AppendMintLocked(MintRecord record)
    {
        var json = new MintRecordJson(
            record.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            record.Purse.ToString(), record.Currency.ToString(), record.Amount, record.IssuerCounter);
        PrivateFiles.AppendLine(JournalPath, JsonSerializer.Serialize(json, IssuerJsonContext.Default.MintRecordJson));
    }

    /// <summary>
    /// Announces a mint, durably, before its MINT is sent: if the answer is then lost, or the journal cannot be written,
    /// the intent stays open until the purse is read again (<see cref="OpenMintIntents"/>).
    /// </summary>
    public void RecordMintIntent(MintRecord intent) => AppendIntentLine(intent, null);

    /// <summary>
    /// Closes an intent whose MINT took effect: appends the mint journal (unless a line for the same purse and issuer
    /// counter is already there, so closing twice never counts the value twice), then closes the intent.
    /// </summary>
    public void ConfirmMint(MintRecord intent)
    {
        ArgumentNullException.ThrowIfNull(intent);
        EnsureStoreDirectory();
        // One lock over the look and the append: two processes settling the same intent journal it once.
        using FileStream _ = LockStore();
        if (!ReadMintJournal().Any(r => r.Purse == intent.Purse && r.IssuerCounter == intent.IssuerCounter))
        {
            AppendMintLocked(intent);
        }
        AppendIntentLineLocked(intent, MintedOutcome);
    }

    /// <summary>Closes an intent whose MINT did not take effect: nothing was minted, nothing goes into the journal.</summary>
    public void CancelMintIntent(MintRecord intent) => AppendIntentLine(intent, NotMintedOutcome);

    /// <summary>The mints announced and never closed, oldest first: their outcome is still to be read from the purse.</summary>
    public IReadOnlyList<MintRecord> OpenMintIntents()
    {
        var open = new List<MintRecord>();
        ReadJsonLines(IntentsPath, IssuerJsonContext.Default.MintIntentJson, json =>
        {
            var record = ToRecord(json.Time, json.Purse, json.Currency, json.Amount, json.Counter);
            if (json.Outcome is null)
            {
                open.Add(record);
            }
            else
            {
                // (purse, issuer counter) names one MINT: the counter verifies once per purse.
                open.RemoveAll(r => r.Purse == record.Purse && r.IssuerCounter == record.IssuerCounter);
            }
        });
        return open;
    }

    /// <summary>Every mint in the journal, oldest first; empty when nothing was minted.</summary>
    public IReadOnlyList<MintRecord> ReadMintJournal()
    {
        var records = new List<MintRecord>();
        ReadJsonLines(JournalPath, IssuerJsonContext.Default.MintRecordJson,
            json => records.Add(ToRecord(json.Time, json.Purse, json.Currency, json.Amount, json.Counter)));
        return records;
    }

    private static MintRecord ToRecord(string time, string purse, string currency, uint amount, uint counter) =>
        new(DateTimeOffset.Parse(time, CultureInfo.InvariantCulture), PurseId.Parse(purse), ParseCurrencyCode(currency), amount, counter);

    /// <summary>Each line of a JSON-lines file, in order (none when the file does not exist); torn fragments skipped.</summary>
    /// <exception cref="LocalDataException">The file cannot be read, or a whole line does not read.</exception>
    private static void ReadJsonLines<TJson>(string path, JsonTypeInfo<TJson> type, Action<TJson> each)
    {
        IReadOnlyList<string>? lines = Guard($"{path} cannot be read",
            () => PrivateFiles.FileExists(path) ? File.ReadAllLines(path) : null);
        int lineNumber = 0;
        foreach (string line in lines ?? [])
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                each(JsonSerializer.Deserialize(line, type) ?? throw new JsonException("the line holds null"));
            }
            catch (Exception e) when (e is JsonException or FormatException or PurseFormatException or ArgumentNullException)
            {
                if (IsTornAppend(line))
                {
                    continue;
                }
                throw new LocalDataException($"{path} line {lineNumber} is corrupt ({e.Message.TrimEnd('.')})", e);
            }
        }
    }

    /// <summary>
    /// A line cut short by an append that failed (full disk, crash): every record is one JSON object, so an unreadable
    /// line without its closing brace is such a fragment. Its write was reported as failed when it happened, and the
    /// protocol does not depend on it: a torn intent's MINT was never sent, a torn journal line's intent stayed open
    /// and its reconcile appends the line again. An unreadable line that is whole is corruption, and stops the reader.
    /// </summary>
    private static bool IsTornAppend(string line) => !line.TrimEnd().EndsWith('}');

    uint IPurseSerialSource.NextSerial() => AllocateSerial();

    private void AppendIntentLine(MintRecord record, string? outcome)
    {
        ArgumentNullException.ThrowIfNull(record);
        EnsureStoreDirectory();
        using FileStream _ = LockStore();
        AppendIntentLineLocked(record, outcome);
    }

    private void AppendIntentLineLocked(MintRecord record, string? outcome)
    {
        var json = new MintIntentJson(
            record.Time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            record.Purse.ToString(), record.Currency.ToString(), record.Amount, record.IssuerCounter, outcome);
        PrivateFiles.AppendLine(IntentsPath, JsonSerializer.Serialize(json, IssuerJsonContext.Default.MintIntentJson));
    }

    private void WriteState(IssuerState state)
    {
        var json = new IssuerStateJson(state.IssuerId.ToString(), state.NextSerial,
            state.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        WriteFile(StatePath, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(json, IssuerJsonContext.Default.IssuerStateJson) + "\n"));
    }

    /// <summary>The issuer folder, made if need be; a home that cannot hold it is local data, said in plain words.</summary>
    private void EnsureStoreDirectory()
    {
        try
        {
            PrivateFiles.EnsureDirectory(Directory);
        }
        catch (Exception e) when (FolderProblem.IsFolderFailure(e))
        {
            // A home this user may not look into can hold an issuer already (made by another user, with sudo, say):
            // pointing SCC_HOME elsewhere would make a second issuer, so that is advised only for a path in the way.
            string advice = e is UnauthorizedAccessException ? "" : "; set SCC_HOME to a folder you can write";
            throw new LocalDataException(
                $"the issuer folder {Directory} cannot be created: {FolderProblem.Describe(Directory, e)}{advice}", e);
        }
    }

    /// <summary>Replaces one of the issuer's own files, durably; failing is local data (disk full, permissions).</summary>
    private static void WriteFile(string path, byte[] content) =>
        Guard($"{path} cannot be written", () => PrivateFiles.WriteAtomically(path, content));

    /// <summary>A file operation whose failure (permissions, a full disk) is local data: <paramref name="what"/>, and why.</summary>
    private static T Guard<T>(string what, Func<T> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw new LocalDataException($"{what} ({FileProblem.Describe(e)})", e);
        }
    }

    private static void Guard(string what, Action operation) => Guard(what, () =>
    {
        operation();
        return true;
    });

    /// <summary>Moves the present issuer's files into <c>replaced-ID-TIME/</c>: the old key still backs issued purses.</summary>
    private void SetAside()
    {
        string id = TryReadIssuerId() ?? "unknown";
        string stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string target = Path.Combine(Directory, $"replaced-{id}-{stamp}");
        Guard($"the present issuer's files cannot be set aside in {target}", () =>
        {
            PrivateFiles.EnsureDirectory(target);
            foreach (string name in new[] { KeyFileName, CertificateFileName, StateFileName, JournalFileName })
            {
                string from = Path.Combine(Directory, name);
                if (PrivateFiles.FileExists(from))
                {
                    File.Move(from, Path.Combine(target, name));
                }
            }
        });
    }

    private string? TryReadIssuerId()
    {
        try
        {
            return ReadState().IssuerId.ToString();
        }
        catch (LocalDataException)
        {
            return null;
        }
    }

    private FileStream LockStore()
    {
        EnsureStoreDirectory();
        try
        {
            return PrivateFiles.Lock(Path.Combine(Directory, LockFileName), LockWait);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new LocalDataException($"the issuer folder {Directory} cannot be written ({LockFileName}: {FileProblem.Describe(e)})", e);
        }
        catch (IOException e)
        {
            throw new LocalDataException(
                $"the issuer in {Directory} is busy in another process (lock {LockFileName}); try again when it is done", e);
        }
    }

    private static CurrencyCode ParseCurrencyCode(string text) =>
        Currency.TryFromAlpha(text, out Currency? known) ? known.Code : CurrencyCode.Read(Hex.Decode(text));

    private static string ReadText(string path) => Encoding.UTF8.GetString(ReadBytes(path));

    private static byte[] ReadBytes(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (FileNotFoundException e)
        {
            throw new LocalDataException($"{path} is missing; restore it from a backup", e);
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw new LocalDataException($"{path} cannot be read ({FileProblem.Describe(e)})", e);
        }
    }

    private static string ModeText(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
