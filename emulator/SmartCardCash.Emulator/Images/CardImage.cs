using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SmartCardCash.AppletApi;
using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Emulator.Images;

/// <summary>
/// Everything that survives about one emulated card: identity, applet registry and the whole non-volatile memory
/// image (journal included, so a card saved right after a power loss recovers at its next power-up).
/// </summary>
/// <remarks>
/// <para>File format, version 1 (integers little endian):</para>
/// <code>
/// header   8  magic "SCCCARD\0"
///          2  format version (1)
///          2  reserved, 0
///          4  payload length P
/// payload  1+n  card name (UTF-8)          1  interface profile (0 T=0, 1 T=1, 2 contactless)
///          1+n  UID                         4  NVM data size       4  commit buffer capacity
///          8  persistent write count
///          2  applet count, then per applet: 1+n AID, 2+n applet type (UTF-8), 4 region offset, 4 region size
///          4+n  NVM image (commit record, commit buffer, data area)
/// trailer 32  SHA-256 of header and payload
/// </code>
/// Reading checks the magic, the version, the length, the checksum and every field, and throws
/// <see cref="CardImageFormatException"/> on the first problem: a damaged image is never half loaded.
/// </remarks>
public sealed class CardImage
{
    public const ushort FormatVersion = 1;

    private const int HeaderSize = 16;
    private const int ChecksumSize = SHA256.HashSizeInBytes;
    private static readonly byte[] Magic = "SCCCARD\0"u8.ToArray();

    private readonly byte[] _nvmImage;

    public CardImage(string name, CardProfile profile, IReadOnlyList<InstalledApplet> applets, ReadOnlySpan<byte> nvmImage,
        long persistentWriteCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(applets);
        ArgumentOutOfRangeException.ThrowIfNegative(persistentWriteCount);
        int expected = NonVolatileMemory.CommitRecordSize + profile.CommitBufferCapacity + profile.NvmDataSize;
        if (nvmImage.Length != expected)
        {
            throw new ArgumentException($"the NVM image has {nvmImage.Length} bytes; the profile needs {expected}", nameof(nvmImage));
        }
        Name = name;
        Profile = profile;
        Applets = applets.ToArray();
        _nvmImage = nvmImage.ToArray();
        PersistentWriteCount = persistentWriteCount;
        CheckRegions();
    }

    public string Name { get; }

    public CardProfile Profile { get; }

    public IReadOnlyList<InstalledApplet> Applets { get; }

    public ReadOnlyMemory<byte> NvmImage => _nvmImage;

    public long PersistentWriteCount { get; }

    /// <summary>The image of <paramref name="card"/> as it is now (call between commands).</summary>
    public static CardImage Of(string name, EmulatedCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        return new CardImage(name, card.Profile, card.Applets, card.Memory.Image, card.PersistentWriteCount);
    }

    /// <summary>
    /// An unpowered card with this image's memory and applets, each applet's factory looked up by type name in
    /// <paramref name="catalog"/>.
    /// </summary>
    public EmulatedCard CreateCard(AppletCatalog catalog, EmulatedCardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var factories = new List<AppletFactory>();
        foreach (InstalledApplet applet in Applets)
        {
            if (!catalog.TryGet(applet.AppletType, out AppletFactory factory))
            {
                string known = catalog.AppletTypes.Count == 0 ? "none" : string.Join(", ", catalog.AppletTypes.Order(StringComparer.Ordinal));
                throw new InvalidOperationException(
                    $"card '{Name}' has applet {applet.AidHex} of type '{applet.AppletType}', which the applet catalog does not know (known types: {known})");
            }
            factories.Add(factory);
        }
        var nvm = new NonVolatileMemory(_nvmImage, Profile.CommitBufferCapacity, PersistentWriteCount);
        var card = new EmulatedCard(Profile, nvm, options);
        for (int i = 0; i < Applets.Count; i++)
        {
            card.AddSlot(Applets[i], factories[i]);
        }
        return card;
    }

    public byte[] ToBytes()
    {
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            WriteShortBytes(writer, Encoding.UTF8.GetBytes(Name));
            writer.Write((byte)Profile.Interface);
            WriteShortBytes(writer, Profile.Uid.Span);
            writer.Write(Profile.NvmDataSize);
            writer.Write(Profile.CommitBufferCapacity);
            writer.Write(PersistentWriteCount);
            writer.Write(checked((ushort)Applets.Count));
            foreach (InstalledApplet applet in Applets)
            {
                WriteShortBytes(writer, applet.Aid.Span);
                byte[] type = Encoding.UTF8.GetBytes(applet.AppletType);
                writer.Write(checked((ushort)type.Length));
                writer.Write(type);
                writer.Write(applet.RegionOffset);
                writer.Write(applet.RegionSize);
            }
            writer.Write(_nvmImage.Length);
            writer.Write(_nvmImage);
        }

        int payloadLength = checked((int)payload.Length);
        var bytes = new byte[HeaderSize + payloadLength + ChecksumSize];
        Magic.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), FormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), (uint)payloadLength);
        payload.GetBuffer().AsSpan(0, payloadLength).CopyTo(bytes.AsSpan(HeaderSize));
        SHA256.HashData(bytes.AsSpan(0, HeaderSize + payloadLength), bytes.AsSpan(HeaderSize + payloadLength));
        return bytes;
    }

    /// <summary>Reads an image; <paramref name="source"/> names it in error messages (a path, for example).</summary>
    public static CardImage Parse(ReadOnlySpan<byte> bytes, string source = "card image")
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
        {
            throw new CardImageFormatException($"{source} is not a SmartCardCash card image (no SCCCARD magic at its start)");
        }
        if (bytes.Length < HeaderSize + ChecksumSize)
        {
            throw new CardImageFormatException($"{source} is truncated: {bytes.Length} bytes, shorter than any card image");
        }
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version != FormatVersion)
        {
            throw new CardImageFormatException(
                $"{source} has format version {version}; this emulator reads version {FormatVersion} only");
        }
        uint payloadLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        long expectedLength = HeaderSize + (long)payloadLength + ChecksumSize;
        if (bytes.Length != expectedLength)
        {
            throw new CardImageFormatException(bytes.Length < expectedLength
                ? $"{source} is truncated: {bytes.Length} bytes where its header announces {expectedLength}"
                : $"{source} has {bytes.Length - expectedLength} unexpected bytes after its end");
        }
        int checkedLength = HeaderSize + (int)payloadLength;
        Span<byte> checksum = stackalloc byte[ChecksumSize];
        SHA256.HashData(bytes[..checkedLength], checksum);
        if (!CryptographicOperations.FixedTimeEquals(checksum, bytes[checkedLength..]))
        {
            throw new CardImageFormatException($"{source} is corrupt: its SHA-256 checksum does not match its content");
        }

        try
        {
            return ParsePayload(bytes.Slice(HeaderSize, (int)payloadLength).ToArray());
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or DecoderFallbackException or InvalidOperationException)
        {
            throw new CardImageFormatException($"{source} is inconsistent although its checksum matches: {e.Message}", e);
        }
    }

    private static CardImage ParsePayload(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload, writable: false), new UTF8Encoding(false, true));
        string name = Encoding.UTF8.GetString(ReadShortBytes(reader));
        byte interfaceByte = reader.ReadByte();
        var interfaceProfile = (InterfaceProfile)interfaceByte;
        if (!Enum.IsDefined(interfaceProfile))
        {
            throw new InvalidOperationException($"unknown interface profile {interfaceByte}");
        }
        byte[] uid = ReadShortBytes(reader);
        int nvmDataSize = reader.ReadInt32();
        int commitBufferCapacity = reader.ReadInt32();
        var profile = new CardProfile(interfaceProfile, uid, nvmDataSize, commitBufferCapacity);
        long writeCount = reader.ReadInt64();
        int appletCount = reader.ReadUInt16();
        var applets = new List<InstalledApplet>(appletCount);
        for (int i = 0; i < appletCount; i++)
        {
            byte[] aid = ReadShortBytes(reader);
            if (aid.Length is < 5 or > 16)
            {
                throw new InvalidOperationException($"applet {i} has an AID of {aid.Length} bytes");
            }
            int typeLength = reader.ReadUInt16();
            string type = Encoding.UTF8.GetString(ReadExactly(reader, typeLength));
            AppletCatalog.ValidateTypeName(type);
            int offset = reader.ReadInt32();
            int size = reader.ReadInt32();
            applets.Add(new InstalledApplet(aid, type, offset, size));
        }
        int nvmLength = reader.ReadInt32();
        if (nvmLength < 0)
        {
            throw new InvalidOperationException($"negative NVM image length {nvmLength}");
        }
        byte[] nvm = ReadExactly(reader, nvmLength);
        if (reader.BaseStream.Position != payload.Length)
        {
            throw new InvalidOperationException($"{payload.Length - reader.BaseStream.Position} unexpected bytes after the NVM image");
        }
        return new CardImage(name, profile, applets, nvm, writeCount);
    }

    private void CheckRegions()
    {
        var seen = new List<InstalledApplet>();
        foreach (InstalledApplet applet in Applets)
        {
            if (applet.RegionOffset < 0 || applet.RegionSize < 1 || applet.RegionSize > Profile.NvmDataSize - applet.RegionOffset)
            {
                throw new ArgumentException($"applet {applet.AidHex} has a region outside the {Profile.NvmDataSize}-byte data area");
            }
            foreach (InstalledApplet other in seen)
            {
                if (other.Aid.Span.SequenceEqual(applet.Aid.Span))
                {
                    throw new ArgumentException($"AID {applet.AidHex} is installed twice");
                }
                if (applet.RegionOffset < other.RegionOffset + other.RegionSize && other.RegionOffset < applet.RegionOffset + applet.RegionSize)
                {
                    throw new ArgumentException($"the regions of applets {other.AidHex} and {applet.AidHex} overlap");
                }
            }
            seen.Add(applet);
        }
    }

    private static void WriteShortBytes(BinaryWriter writer, ReadOnlySpan<byte> bytes)
    {
        writer.Write(checked((byte)bytes.Length));
        writer.Write(bytes);
    }

    private static byte[] ReadShortBytes(BinaryReader reader) => ReadExactly(reader, reader.ReadByte());

    private static byte[] ReadExactly(BinaryReader reader, int count)
    {
        byte[] bytes = reader.ReadBytes(count);
        if (bytes.Length != count)
        {
            throw new EndOfStreamException($"the payload ends {count - bytes.Length} bytes too early");
        }
        return bytes;
    }
}
