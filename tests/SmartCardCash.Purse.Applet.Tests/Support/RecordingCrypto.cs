namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>The real cryptography, recording the longest message the applet signs and the longest signature it gets.</summary>
internal sealed class RecordingCrypto : IPurseCrypto
{
    private readonly IPurseCrypto _inner;

    public RecordingCrypto(IPurseCrypto inner) => _inner = inner;

    public int LongestSignedMessage { get; private set; }

    public int LongestSignature { get; private set; }

    public int Signatures { get; private set; }

    public P256KeyPair GenerateKeyPair(RandomBytesSource random) => _inner.GenerateKeyPair(random);

    public byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey) => _inner.PublicKeyOf(privateKey);

    public byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        byte[] signature = _inner.Sign(privateKey, message);
        Signatures++;
        LongestSignedMessage = Math.Max(LongestSignedMessage, message.Length);
        LongestSignature = Math.Max(LongestSignature, signature.Length);
        return signature;
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        _inner.Verify(publicKey, message, signature);

    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => _inner.IsValidPublicKey(publicKey);
}
