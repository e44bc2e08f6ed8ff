using CsCheck;

namespace SmartCardCash.Purse.Applet.Tests.SpecLibrary;

/// <summary>ECDSA P-256 with SHA-256, RFC 6979 nonces, DER, strict public keys (spec 3.1).</summary>
public class CryptoTests
{
    // RFC 6979, appendix A.2.5: ECDSA, 256 bits (prime field), SHA-256.
    private const string Rfc6979PrivateKey = "C9AFA9D845BA75166B5C215767B1D6934E50C3DB36E89B127B8A622B120F6721";
    private const string Rfc6979PublicKey = "04" +
        "60FED4BA255A9D31C961EB74C6356D68C049B8923B61FA6CE669622E60F29FB6" +
        "7903FE1008B8BC99A41AE9E95628BC64F2F1B20C2D7E9F5177A3C294D4462299";

    private static readonly IPurseCrypto Crypto = P256.Shared;

    [Theory]
    [InlineData("sample", "EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
        "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8")]
    [InlineData("test", "F1ABB023518351CD71D881567B1EA663ED3EFCF6C5132B354F28D3B0B7D38367",
        "019F4113742A2B14BD25926B49C649155F267E60D3814B4C0CC84250E46F0083")]
    public void Signatures_are_the_deterministic_ones_of_RFC_6979(string message, string r, string s)
    {
        byte[] signature = Crypto.Sign(Hex.Decode(Rfc6979PrivateKey), System.Text.Encoding.ASCII.GetBytes(message));
        Assert.Equal(Der(r, s), Hex.Encode(signature));
        Assert.Equal(Rfc6979PublicKey, Hex.Encode(Crypto.PublicKeyOf(Hex.Decode(Rfc6979PrivateKey))));
        Assert.True(Crypto.Verify(Hex.Decode(Rfc6979PublicKey), System.Text.Encoding.ASCII.GetBytes(message), signature));
    }

    [Fact]
    public void Verification_fails_for_another_message_another_key_or_a_changed_signature()
    {
        P256KeyPair key = P256KeyPair.FromPrivateKeyHex(Rfc6979PrivateKey);
        byte[] signature = Crypto.Sign(key.PrivateKey, "SCC1 message"u8);
        Assert.True(Crypto.Verify(key.PublicKey, "SCC1 message"u8, signature));
        Assert.False(Crypto.Verify(key.PublicKey, "SCC1 messagf"u8, signature));
        Assert.False(Crypto.Verify(Conformance.ConformanceKeys.Stranger.PublicKey, "SCC1 message"u8, signature));
        byte[] changed = (byte[])signature.Clone();
        changed[^1] ^= 1;
        Assert.False(Crypto.Verify(key.PublicKey, "SCC1 message"u8, changed));
    }

    [Fact]
    public void High_S_is_accepted_and_a_non_canonical_DER_encoding_is_not()
    {
        // (r, n - s) is the other valid signature of the same message: purses compare PDs, never signatures.
        string highS = Der("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
            NegateS("F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"));
        Assert.True(Crypto.Verify(Hex.Decode(Rfc6979PublicKey), "sample"u8, Hex.Decode(highS)));

        // The same r and s with a superfluous leading zero in r: valid BER, not DER.
        byte[] der = Hex.Decode(Der("EFD48B2AACB6A8FD1140DD9CD45E81D69D2C877B56AAF991C34D0EA84EAF3716",
            "F7CB1C942D657C41D436C7A1B6E29F65F3E900DBB9AFF4064DC4AB2F843ACDA8"));
        byte[] padded = [0x30, (byte)(der[1] + 1), 0x02, 0x22, 0x00, .. der[4..]];
        Assert.False(Crypto.Verify(Hex.Decode(Rfc6979PublicKey), "sample"u8, padded));
    }

    [Fact]
    public void Only_uncompressed_points_on_the_curve_are_public_keys()
    {
        byte[] valid = Hex.Decode(Rfc6979PublicKey);
        Assert.True(Crypto.IsValidPublicKey(valid));

        byte[] offCurve = (byte[])valid.Clone();
        offCurve[64] ^= 1;
        Assert.False(Crypto.IsValidPublicKey(offCurve));

        byte[] compressedPrefix = (byte[])valid.Clone();
        compressedPrefix[0] = 0x02;
        Assert.False(Crypto.IsValidPublicKey(compressedPrefix));

        byte[] xAboveP = (byte[])valid.Clone();
        xAboveP.AsSpan(1, 32).Fill(0xFF);
        Assert.False(Crypto.IsValidPublicKey(xAboveP));

        Assert.False(Crypto.IsValidPublicKey(new byte[65]));
        Assert.False(Crypto.IsValidPublicKey([0x04, .. new byte[64]]));
        Assert.False(Crypto.IsValidPublicKey(valid[..64]));
    }

    [Fact]
    public void Key_generation_draws_from_the_source_and_rejects_scalars_out_of_range()
    {
        var draws = new Queue<byte[]>([Enumerable.Repeat((byte)0xFF, 32).ToArray(), new byte[32], Hex.Decode(Rfc6979PrivateKey)]);
        P256KeyPair pair = Crypto.GenerateKeyPair(destination => draws.Dequeue().CopyTo(destination));
        Assert.Equal(Rfc6979PrivateKey, Hex.Encode(pair.PrivateKey));
        Assert.Equal(Rfc6979PublicKey, Hex.Encode(pair.PublicKey));
        Assert.Empty(draws);
    }

    [Fact]
    public void Verification_never_throws_whatever_the_bytes()
    {
        byte[] key = Hex.Decode(Rfc6979PublicKey);
        Gen.Byte.Array[0, 80].Sample(signature => Assert.False(Crypto.Verify(key, "sample"u8, signature)), iter: 2000);
        Gen.Byte.Array[65].Sample(publicKey => Assert.False(Crypto.Verify(publicKey, "sample"u8, new byte[70])), iter: 500);
    }

    private static string NegateS(string s)
    {
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", System.Globalization.NumberStyles.HexNumber);
        var value = System.Numerics.BigInteger.Parse("0" + s, System.Globalization.NumberStyles.HexNumber);
        string hex = (n - value).ToString("X64", System.Globalization.CultureInfo.InvariantCulture);
        return hex[^64..];
    }

    /// <summary>DER SEQUENCE { INTEGER r, INTEGER s } from 32-byte hex values.</summary>
    private static string Der(string r, string s)
    {
        static string Integer(string value)
        {
            byte[] bytes = Hex.Decode(value);
            int skip = 0;
            while (skip < bytes.Length - 1 && bytes[skip] == 0 && bytes[skip + 1] < 0x80)
            {
                skip++;
            }
            bytes = bytes[skip..];
            if (bytes[0] >= 0x80)
            {
                bytes = [0x00, .. bytes];
            }
            return "02" + bytes.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + Hex.Encode(bytes);
        }
        string body = Integer(r) + Integer(s);
        return "30" + (body.Length / 2).ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + body;
    }
}
