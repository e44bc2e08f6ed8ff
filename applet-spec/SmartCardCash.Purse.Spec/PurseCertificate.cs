namespace SmartCardCash.Purse.Spec;

/// <summary>
/// A compact card-verifiable certificate (spec 3.3): <c>7F21 { 7F4E body, 9E issuer signature }</c>. Used for purse
/// certificates (class 01–03) and the issuer's self-signed certificate (class 7F).
/// </summary>
public sealed class PurseCertificate
{
    private readonly byte[] _encoded;
    private readonly byte[] _bodyEncoding;
    private readonly byte[] _signature;

    private PurseCertificate(CertificateBody body, byte[] bodyEncoding, byte[] signature, byte[] encoded)
    {
        Body = body;
        _bodyEncoding = bodyEncoding;
        _signature = signature;
        _encoded = encoded;
    }

    public CertificateBody Body { get; }

    /// <summary>The body TLV exactly as encoded.</summary>
    public ReadOnlySpan<byte> BodyEncoding => _bodyEncoding;

    /// <summary>The issuer's DER signature.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The whole certificate, <c>7F21 L …</c>.</summary>
    public ReadOnlySpan<byte> Encoded => _encoded;

    public byte[] ToArray() => (byte[])_encoded.Clone();

    /// <summary><c>SCC1 ‖ 30 ‖ body TLV</c>: what the issuer signed.</summary>
    public byte[] SignedBytes => SignedMessages.Certificate(_bodyEncoding);

    /// <summary>Signs <paramref name="body"/> with the issuer's private key and assembles the certificate.</summary>
    public static PurseCertificate Issue(CertificateBody body, ReadOnlySpan<byte> issuerPrivateKey, IPurseCrypto? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        byte[] bodyEncoding = body.Encode();
        byte[] signature = (crypto ?? P256.Shared).Sign(issuerPrivateKey, SignedMessages.Certificate(bodyEncoding));
        return Assemble(bodyEncoding, signature);
    }

    /// <summary>Puts a body and a signature together: <c>7F21 L ‖ body ‖ 9E L signature</c>.</summary>
    public static PurseCertificate Assemble(ReadOnlySpan<byte> bodyTlv, ReadOnlySpan<byte> signature)
    {
        byte[] encoded = PurseTlvBuilder.Encode(PurseTag.Certificate,
            new PurseTlvBuilder().AddEncoded(bodyTlv).Add(PurseTag.Signature, signature).ToArray());
        return Parse(encoded);
    }

    /// <summary>
    /// Reads a certificate in the strict structure of spec 3.3 without judging its values (see
    /// <see cref="CertificateBody.FindContentProblem"/>) or its signature. Throws <see cref="PurseFormatException"/>.
    /// </summary>
    public static PurseCertificate Parse(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > PurseConstants.MaxCertificateLength)
        {
            throw new PurseFormatException(
                $"a certificate is at most {PurseConstants.MaxCertificateLength} bytes; got {encoded.Length}.");
        }
        ReadOnlySpan<byte> content = StrictTlvReader.ReadSingle(encoded, PurseTag.Certificate, 0, PurseTlvBuilder.MaxValueLength);
        var reader = new StrictTlvReader(content);
        int bodyStart = reader.Offset;
        reader.Read(PurseTag.CertificateBody, 0, PurseTlvBuilder.MaxValueLength);
        ReadOnlySpan<byte> bodyTlv = content[bodyStart..reader.Offset];
        ReadOnlySpan<byte> signature = reader.Read(PurseTag.Signature, PurseConstants.MinSignatureLength,
            PurseConstants.MaxSignatureLength);
        reader.EnsureEnd();
        CertificateBody body = CertificateBody.Parse(bodyTlv);
        return new PurseCertificate(body, bodyTlv.ToArray(), signature.ToArray(), encoded.ToArray());
    }

    /// <summary>Parses and checks every value rule of spec 3.3 (not the signature).</summary>
    public static PurseCertificate Decode(ReadOnlySpan<byte> encoded, IPurseCrypto? crypto = null)
    {
        PurseCertificate certificate = Parse(encoded);
        certificate.Body.EnsureValidContent(crypto);
        return certificate;
    }

    public bool VerifySignature(ReadOnlySpan<byte> issuerPublicKey, IPurseCrypto? crypto = null) =>
        (crypto ?? P256.Shared).Verify(issuerPublicKey, SignedBytes, _signature);

    /// <summary>For the issuer certificate: the signature verifies under the certificate's own key.</summary>
    public bool IsValidlySelfSigned(IPurseCrypto? crypto = null) => VerifySignature(Body.PublicKey, crypto);

    /// <summary>Spec 3.3: expired when the expiry date is earlier than the trusted date.</summary>
    public bool IsExpiredAt(BcdDate trustedDate) => Body.Expiry < trustedDate;
}
