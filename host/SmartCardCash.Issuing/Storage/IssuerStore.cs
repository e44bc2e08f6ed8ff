using System.Globalization;
using System.Security.Cryptography;
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

    /// <summary>OID of the NIST P-256 curve (secp256r1, prime256v1).</summary>
    private const string P256Oid = "1.2.840.10045.3.1.7";

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
    public bool Exists => File.Exists(KeyPath);

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
        WriteFile(CertificatePath, () => PrivateFiles.WriteAtomically(CertificatePath, issuer.Certificate.Encoded));
        WriteState(new IssuerState(issuer.Id, 1, now));
        WriteFile(KeyPath, () => PrivateFiles.WriteAtomically(KeyPath, Encoding.ASCII.GetBytes(ExportPem(issuer.KeyPair))));
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
        if (PrivateFiles.IsReadableByOthers(KeyPath, out UnixFileMode mode))
        {
            throw new LocalDataException(
                $"the issuer key {KeyPath} is open to other users (mode {ModeText(mode)}); make it private with 'chmod 600 {KeyPath}'");
        }
        P256KeyPair keyPair = ImportPem(ReadText(KeyPath));
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
        if (!File.Exists(StatePath))
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
    /// <exception cref="LocalDataException">A whole line does not read.</exception>
    private static void ReadJsonLines<TJson>(string path, JsonTypeInfo<TJson> type, Action<TJson> each)
    {
        if (!File.Exists(path))
        {
            return;
        }
        int lineNumber = 0;
        foreach (string line in File.ReadLines(path))
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

    /// <summary>The key as PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), through .NET's ECDsa so OpenSSL reads it back.</summary>
    internal static string ExportPem(P256KeyPair keyPair)
    {
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            D = keyPair.PrivateKey.ToArray(),
            Q = new ECPoint
            {
                X = keyPair.PublicKey.Slice(1, 32).ToArray(),
                Y = keyPair.PublicKey.Slice(33, 32).ToArray(),
            },
        });
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    internal P256KeyPair ImportPem(string pem)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(pem);
            ECParameters parameters = ecdsa.ExportParameters(includePrivateParameters: true);
            if (parameters.Curve.Oid?.Value != P256Oid && parameters.Curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new LocalDataException($"the issuer key {KeyPath} is not a P-256 key");
            }
            byte[] d = parameters.D ?? throw new CryptographicException("the PEM holds no private key");
            byte[] privateKey = new byte[PurseConstants.PrivateKeyLength];
            d.CopyTo(privateKey, privateKey.Length - d.Length);
            return P256KeyPair.FromPrivateKey(privateKey);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new LocalDataException($"the issuer key {KeyPath} is unreadable ({e.Message.TrimEnd('.')}); restore it from a backup", e);
        }
    }

    private void WriteState(IssuerState state)
    {
        var json = new IssuerStateJson(state.IssuerId.ToString(), state.NextSerial,
            state.Created.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        WriteFile(StatePath, () => PrivateFiles.WriteAtomically(StatePath, Encoding.UTF8.GetBytes(
            JsonSerializer.Serialize(json, IssuerJsonContext.Default.IssuerStateJson) + "\n")));
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
            throw new LocalDataException(
                $"the issuer folder {Directory} cannot be created: {FolderProblem.Describe(Directory, e)}; set SCC_HOME to a folder you can write", e);
        }
    }

    /// <summary>Writes one of the issuer's own files; failing is local data (disk full, permissions), named by its path.</summary>
    private static void WriteFile(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException($"{path} cannot be written ({e.Message.TrimEnd('.')})", e);
        }
    }

    /// <summary>Moves the present issuer's files into <c>replaced-ID-TIME/</c>: the old key still backs issued purses.</summary>
    private void SetAside()
    {
        string id = TryReadIssuerId() ?? "unknown";
        string stamp = _time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        string target = Path.Combine(Directory, $"replaced-{id}-{stamp}");
        PrivateFiles.EnsureDirectory(target);
        foreach (string name in new[] { KeyFileName, CertificateFileName, StateFileName, JournalFileName })
        {
            string from = Path.Combine(Directory, name);
            if (File.Exists(from))
            {
                File.Move(from, Path.Combine(target, name));
            }
        }
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
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException($"{path} cannot be read ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static string ModeText(UnixFileMode mode) => Convert.ToString((int)mode, 8).PadLeft(4, '0');
}
