using SHA256 = System.Security.Cryptography.SHA256;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.EC;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math.EC;
using BigInteger = Org.BouncyCastle.Math.BigInteger;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// <see cref="IPurseCrypto"/> on BouncyCastle's custom (fast) secp256r1 curve. Signatures use RFC 6979 deterministic
/// nonces, so a given key signs a given message always the same way: the emulator's outputs and the conformance
/// vectors are reproducible. Parsed public keys are cached (with their precomputed multiples), because decoding and
/// validating a point before every verification costs about three times the verification itself.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public sealed class P256 : IPurseCrypto
{
    private const int CacheCapacity = 256;

    private static readonly X9ECParameters Curve = CustomNamedCurves.GetByName("secp256r1");
    private static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H, Curve.GetSeed());
    private static readonly BigInteger FieldPrime = Curve.Curve.Field.Characteristic;

    private readonly Dictionary<string, ECPublicKeyParameters> _publicKeys = new(StringComparer.Ordinal);
    private readonly object _cacheLock = new();

    /// <summary>One instance for everybody, so that the key cache is shared.</summary>
    public static P256 Shared { get; } = new();

    public P256KeyPair GenerateKeyPair(RandomBytesSource random)
    {
        ArgumentNullException.ThrowIfNull(random);
        Span<byte> candidate = stackalloc byte[PurseConstants.PrivateKeyLength];
        while (true)
        {
            // Rejection sampling: a uniform scalar in [1, n-1], as a card's KeyPair.genKeyPair would produce.
            random(candidate);
            var d = new BigInteger(1, candidate);
            if (d.SignValue > 0 && d.CompareTo(Domain.N) < 0)
            {
                return new P256KeyPair(candidate, Encode(Domain.G.Multiply(d)));
            }
        }
    }

    public byte[] PublicKeyOf(ReadOnlySpan<byte> privateKey) => Encode(Domain.G.Multiply(PrivateScalar(privateKey)));

    public byte[] Sign(ReadOnlySpan<byte> privateKey, ReadOnlySpan<byte> message)
    {
        var signer = new ECDsaSigner(new HMacDsaKCalculator(new Sha256Digest()));
        signer.Init(true, new ECPrivateKeyParameters(PrivateScalar(privateKey), Domain));
        BigInteger[] rs = signer.GenerateSignature(SHA256.HashData(message));
        return StandardDsaEncoding.Instance.Encode(Domain.N, rs[0], rs[1]);
    }

    public bool Verify(ReadOnlySpan<byte> publicKey, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature)
    {
        ECPublicKeyParameters? key = ParsePublicKey(publicKey);
        if (key is null || signature.Length is < PurseConstants.MinSignatureLength or > PurseConstants.MaxSignatureLength)
        {
            return false;
        }
        if (!TryDecodeDer(signature, out BigInteger? r, out BigInteger? s))
        {
            return false;
        }
        var verifier = new ECDsaSigner();
        verifier.Init(false, key);
        return verifier.VerifySignature(SHA256.HashData(message), r, s);
    }

    public bool IsValidPublicKey(ReadOnlySpan<byte> publicKey) => ParsePublicKey(publicKey) is not null;

    private ECPublicKeyParameters? ParsePublicKey(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != PurseConstants.PublicKeyLength || publicKey[0] != 0x04)
        {
            return null;
        }
        string cacheKey = Convert.ToHexString(publicKey);
        lock (_cacheLock)
        {
            if (_publicKeys.TryGetValue(cacheKey, out ECPublicKeyParameters? cached))
            {
                return cached;
            }
        }
        ECPublicKeyParameters? parsed = DecodeAndValidate(publicKey);
        if (parsed is not null)
        {
            lock (_cacheLock)
            {
                if (_publicKeys.Count >= CacheCapacity)
                {
                    _publicKeys.Clear();
                }
                _publicKeys[cacheKey] = parsed;
            }
        }
        return parsed;
    }

    private static ECPublicKeyParameters? DecodeAndValidate(ReadOnlySpan<byte> publicKey)
    {
        var x = new BigInteger(1, publicKey.Slice(1, 32));
        var y = new BigInteger(1, publicKey.Slice(33, 32));
        if (x.CompareTo(FieldPrime) >= 0 || y.CompareTo(FieldPrime) >= 0)
        {
            return null;
        }
        ECPoint point = Curve.Curve.CreatePoint(x, y);
        // IsValid checks the curve equation (and the order; the cofactor of P-256 is 1). An uncompressed encoding
        // cannot denote the point at infinity, but say so explicitly.
        if (point.IsInfinity || !point.IsValid())
        {
            return null;
        }
        return new ECPublicKeyParameters(point, Domain);
    }

    private static BigInteger PrivateScalar(ReadOnlySpan<byte> privateKey)
    {
        if (privateKey.Length != PurseConstants.PrivateKeyLength)
        {
            throw new ArgumentException($"a P-256 private key is {PurseConstants.PrivateKeyLength} bytes; got {privateKey.Length}.",
                nameof(privateKey));
        }
        var d = new BigInteger(1, privateKey);
        if (d.SignValue <= 0 || d.CompareTo(Domain.N) >= 0)
        {
            throw new ArgumentException("the private key is not a scalar between 1 and n-1.", nameof(privateKey));
        }
        return d;
    }

    /// <summary>r and s of a signature in the one form <see cref="P256Signature"/> accepts.</summary>
    private static bool TryDecodeDer(ReadOnlySpan<byte> der, out BigInteger? r, out BigInteger? s)
    {
        Span<byte> rs = stackalloc byte[2 * P256Signature.ScalarLength];
        if (!P256Signature.TryToFixedWidth(der, rs))
        {
            r = s = null;
            return false;
        }
        r = new BigInteger(1, rs[..P256Signature.ScalarLength]);
        s = new BigInteger(1, rs[P256Signature.ScalarLength..]);
        return true;
    }

    private static byte[] Encode(ECPoint point) => point.Normalize().GetEncoded(false);
}
