using System.Security.Cryptography;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Storage;

/// <summary>The issuer key file's format: PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), through .NET's ECDsa so OpenSSL reads it back.</summary>
internal static class IssuerKeyPem
{
    /// <summary>OID of the NIST P-256 curve (secp256r1, prime256v1).</summary>
    private const string P256Oid = "1.2.840.10045.3.1.7";

    public static string Export(P256KeyPair keyPair)
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

    /// <param name="keyPath">The file the PEM came from, for the message when it does not hold a P-256 key.</param>
    /// <exception cref="LocalDataException">Not a P-256 private key in PKCS#8 PEM.</exception>
    public static P256KeyPair Import(string pem, string keyPath)
    {
        try
        {
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(pem);
            ECParameters parameters = ecdsa.ExportParameters(includePrivateParameters: true);
            if (parameters.Curve.Oid?.Value != P256Oid && parameters.Curve.Oid?.FriendlyName is not ("nistP256" or "ECDSA_P256"))
            {
                throw new LocalDataException($"the issuer key {keyPath} is not a P-256 key");
            }
            byte[] d = parameters.D ?? throw new CryptographicException("the PEM holds no private key");
            byte[] privateKey = new byte[PurseConstants.PrivateKeyLength];
            d.CopyTo(privateKey, privateKey.Length - d.Length);
            return P256KeyPair.FromPrivateKey(privateKey);
        }
        catch (Exception e) when (e is CryptographicException or ArgumentException)
        {
            throw new LocalDataException($"the issuer key {keyPath} is unreadable ({e.Message.TrimEnd('.')}); restore it from a backup", e);
        }
    }
}
