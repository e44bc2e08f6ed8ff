using System.Buffers.Binary;
using System.Security.Cryptography;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// The key that seals the bank purses' card images in the database. An image holds its purse's private signing key,
/// so the database never holds one in the clear: each image is sealed with AES-256-GCM under this key, with the
/// purse's ID as associated data (an image moved to another purse's row does not open). The key itself lives in an
/// owner-only (0600) file beside the issuer's, never in the database.
/// </summary>
/// <remarks>A sealed image: <c>"SCCS"</c>, a version byte (1), a 12-byte nonce, the 16-byte tag, the ciphertext.</remarks>
public sealed class PurseImageKey
{
    public const int Size = 32;

    private const int NonceSize = 12, TagSize = 16, HeaderSize = 5;
    private const uint Magic = 0x53434353; // "SCCS"
    private const byte Version = 1;

    private readonly byte[] _key;

    private PurseImageKey(byte[] key) => _key = key;

    /// <summary>The SHA-256 of the key, first 8 bytes in hex: names the key in messages without revealing it.</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(_key).AsSpan(0, 8));

    public static PurseImageKey Generate() => new(RandomNumberGenerator.GetBytes(Size));

    public static PurseImageKey FromBytes(ReadOnlySpan<byte> key) => key.Length == Size ? new(key.ToArray())
        : throw new ArgumentException($"a purse image key is {Size} bytes, not {key.Length}.", nameof(key));

    /// <summary>The key in <paramref name="path"/> (64 hex digits), or a new one written there (0600) when there is no file.</summary>
    /// <exception cref="PurseImageKeyException">The file cannot be read or written, others may read it, or it holds no key.</exception>
    public static PurseImageKey LoadOrCreate(string path) => PurseImageKeyFile.LoadOrCreate(path);

    /// <summary>Whether <paramref name="stored"/> is a sealed image (rather than one stored before images were sealed).</summary>
    public static bool IsSealed(ReadOnlySpan<byte> stored) =>
        stored.Length >= HeaderSize + NonceSize + TagSize && BinaryPrimitives.ReadUInt32BigEndian(stored) == Magic && stored[4] == Version;

    internal string Hex() => Convert.ToHexStringLower(_key);

    /// <summary>The image sealed for <paramref name="purse"/>'s row.</summary>
    internal byte[] Seal(PurseId purse, ReadOnlySpan<byte> image)
    {
        byte[] sealedImage = new byte[HeaderSize + NonceSize + TagSize + image.Length];
        Span<byte> output = sealedImage;
        BinaryPrimitives.WriteUInt32BigEndian(output, Magic);
        output[4] = Version;
        Span<byte> nonce = output.Slice(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, image, output[(HeaderSize + NonceSize + TagSize)..], output.Slice(HeaderSize + NonceSize, TagSize),
            AssociatedData(purse));
        return sealedImage;
    }

    /// <summary>The image <see cref="Seal"/> sealed for <paramref name="purse"/>.</summary>
    /// <exception cref="PurseImageKeyException">It was sealed under another key, for another purse, or was changed.</exception>
    internal byte[] Open(PurseId purse, ReadOnlySpan<byte> stored)
    {
        if (!IsSealed(stored))
        {
            throw new PurseImageKeyException($"bank purse {purse}'s image in the database is not sealed: it cannot be trusted.");
        }
        ReadOnlySpan<byte> nonce = stored.Slice(HeaderSize, NonceSize);
        ReadOnlySpan<byte> tag = stored.Slice(HeaderSize + NonceSize, TagSize);
        ReadOnlySpan<byte> cipher = stored[(HeaderSize + NonceSize + TagSize)..];
        byte[] image = new byte[cipher.Length];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(nonce, cipher, tag, image, AssociatedData(purse));
            return image;
        }
        catch (AuthenticationTagMismatchException e)
        {
            throw new PurseImageKeyException($"bank purse {purse}'s image does not open with purse image key {Fingerprint}: it " +
                "was sealed with another key (start the bank with the key file its purses were sealed with) or changed.", e);
        }
    }

    private static byte[] AssociatedData(PurseId purse) => System.Text.Encoding.ASCII.GetBytes($"bank-purse-image:{purse}");
}
