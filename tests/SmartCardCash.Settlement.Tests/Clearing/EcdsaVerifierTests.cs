using System.Numerics;
using SmartCardCash.Settlement.Clearing;

namespace SmartCardCash.Settlement.Tests.Clearing;

/// <summary>The bank's platform ECDSA verifier accepts exactly what the purses' own P-256 code accepts: the same strict
/// DER, the same range of r and s, the same keys.</summary>
public sealed class EcdsaVerifierTests
{
    private static readonly BigInteger Order = BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551",
        System.Globalization.NumberStyles.HexNumber);

    [Fact]
    public void It_agrees_with_the_purses_verifier_on_genuine_altered_and_malformed_signatures()
    {
        P256KeyPair keys = P256KeyPair.FromPrivateKeyHex("0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20");
        byte[] message = "SCC1 clearing"u8.ToArray();
        byte[] signature = P256.Shared.Sign(keys.PrivateKey, message);
        using EcdsaVerifier verifier = EcdsaVerifier.Import(keys.PublicKey)!;
        (BigInteger r, BigInteger s) = Decode(signature);

        byte[][] candidates =
        [
            signature,
            Der(r, Order - s),                  // the other valid s: both accept it
            [.. signature, 0x00],               // trailing byte
            Der(r, s, padR: true),              // a superfluous leading zero
            Der(r + Order, s),                  // r out of range
            Der(BigInteger.Zero, s),            // r = 0
            Der(r, Order),                      // s = n
            Der(r, s + 1),                      // wrong value
            [.. signature[..^1], (byte)(signature[^1] ^ 1)],
            [],
        ];
        foreach (byte[] candidate in candidates)
        {
            Assert.Equal(P256.Shared.Verify(keys.PublicKey, message, candidate), verifier.Verify(message, candidate));
        }
        Assert.True(verifier.Verify(message, signature));
        Assert.False(verifier.Verify("SCC1 other"u8, signature));
    }

    [Fact]
    public void A_key_that_is_not_a_point_on_the_curve_is_not_imported()
    {
        P256KeyPair keys = P256KeyPair.FromPrivateKeyHex("0102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F20");
        byte[] offCurve = keys.PublicKey.ToArray();
        offCurve[^1] ^= 1;
        byte[] compressed = keys.PublicKey.ToArray();
        compressed[0] = 0x02;

        Assert.Null(EcdsaVerifier.Import(offCurve));
        Assert.Null(EcdsaVerifier.Import(compressed));
        Assert.Null(EcdsaVerifier.Import(keys.PublicKey[..^1]));
        using EcdsaVerifier? imported = EcdsaVerifier.Import(keys.PublicKey);
        Assert.True(imported!.Holds(keys.PublicKey));
    }

    private static (BigInteger R, BigInteger S) Decode(byte[] der)
    {
        int rLength = der[3];
        var r = new BigInteger(der.AsSpan(4, rLength), isUnsigned: true, isBigEndian: true);
        int sLength = der[5 + rLength];
        var s = new BigInteger(der.AsSpan(6 + rLength, sLength), isUnsigned: true, isBigEndian: true);
        return (r, s);
    }

    private static byte[] Der(BigInteger r, BigInteger s, bool padR = false)
    {
        static byte[] Integer(BigInteger value, bool pad)
        {
            byte[] bytes = value.IsZero ? [0] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
            if ((bytes[0] & 0x80) != 0 || pad)
            {
                bytes = [0, .. bytes];
            }
            return [0x02, (byte)bytes.Length, .. bytes];
        }
        byte[] body = [.. Integer(r, padR), .. Integer(s, false)];
        return [0x30, (byte)body.Length, .. body];
    }
}
