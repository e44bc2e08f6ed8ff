namespace SmartCardCash.Purse.Spec;

/// <summary>
/// The cryptography of spec 3.1, and nothing else: P-256 key pairs, ECDSA with SHA-256 over a message (the
/// implementation hashes, as Java Card's <c>Signature.ALG_ECDSA_SHA_256</c> does), DER signatures, strict public-key
/// validation. The applet, the host and the conformance runner all go through this interface.
/// </summary>
public interface IPurseCrypto
{
    /// <summary>Generates a key pair from <paramref name="random"/> (the card's RNG on a card).</summary>
    P256KeyPair GenerateKeyPair(RandomBytesSource random);

    /// <summary>The uncompressed public point of a private scalar.</summary>
    byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey);

    /// <summary>ECDSA-SHA256 over <paramref name="message"/>, DER-encoded.</summary>
    byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message);

    /// <summary>
    /// True when <paramref name="signature"/> is a DER ECDSA-SHA256 signature of <paramref name="message"/> under
    /// <paramref name="publicKey"/>. Any invalid input (key, encoding, range) is simply false.
    /// </summary>
    bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature);

    /// <summary>Spec 3.1: 65 bytes <c>04 ‖ X ‖ Y</c>, X and Y below p, on the curve (never the point at infinity).</summary>
    bool IsValidPublicKey(ReadOnlySpan<byte> publicKey);
}
