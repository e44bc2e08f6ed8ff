using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>A P-256 key pair: the private scalar (32 bytes, big-endian) and the uncompressed public point (65 bytes).</summary>
public sealed class P256KeyPair
{
    private readonly byte[] _privateKey;
    private readonly byte[] _publicKey;

    public P256KeyPair(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> publicKey)
    {
        if (privateKey.Length != PurseConstants.PrivateKeyLength)
        {
            throw new ArgumentException($"a P-256 private key is {PurseConstants.PrivateKeyLength} bytes.", nameof(privateKey));
        }
        if (publicKey.Length != PurseConstants.PublicKeyLength)
        {
            throw new ArgumentException($"a P-256 public key is {PurseConstants.PublicKeyLength} bytes.", nameof(publicKey));
        }
        _privateKey = privateKey.ToArray();
        _publicKey = publicKey.ToArray();
    }

    public ReadOnlySpan<byte> PrivateKey => _privateKey;

    /// <summary><c>04 ‖ X ‖ Y</c>.</summary>
    public ReadOnlySpan<byte> PublicKey => _publicKey;

    /// <summary>The pair of a known private key (test keys, keys held by the host's key store).</summary>
    public static P256KeyPair FromPrivateKey(ReadOnlySpan<byte> privateKey) =>
        new(privateKey, P256.Shared.PublicKeyOf(privateKey));

    public static P256KeyPair FromPrivateKeyHex(string hex) => FromPrivateKey(Hex.Decode(hex));

    /// <summary>Only the public half is shown.</summary>
    public override string ToString() => $"P-256 key {Hex.Encode(_publicKey.AsSpan(1, 8))}…";
}
