using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// The terminal's trust anchor: the issuer certificate every purse certificate must be signed by. From
/// <c>--issuer-certificate FILE</c>, else the issuer store's <c>issuer/issuer-certificate.cvc</c>. Only the
/// certificate is read: paying needs no issuer key.
/// </summary>
internal static class TrustAnchor
{
    public static PurseCertificate Load(CliContext context, string? file)
    {
        string path = file ?? IssuerStore.ForHome(context.Home).CertificatePath;
        if (!File.Exists(path))
        {
            throw new LocalDataException(file is null
                ? $"no trusted issuer certificate: {path} does not exist; give --issuer-certificate FILE (the issuer's " +
                  "issuer-certificate.cvc), or create the issuer here with 'scc issuer init'"
                : $"the issuer certificate {path} does not exist");
        }
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LocalDataException($"the issuer certificate {path} cannot be read ({e.Message.TrimEnd('.')})", e);
        }
        try
        {
            // The store writes it as the card holds it (7F21 …); a hex copy is accepted too.
            if (bytes.Length > 0 && bytes[0] != 0x7F)
            {
                bytes = Hex.Decode(System.Text.Encoding.ASCII.GetString(bytes).Trim());
            }
            PurseCertificate certificate = PurseCertificate.Decode(bytes);
            if (!certificate.Body.IsIssuerCertificate || !certificate.IsValidlySelfSigned())
            {
                throw new PurseFormatException("it is not a self-signed issuer certificate (class 7F).");
            }
            return certificate;
        }
        catch (Exception e) when (e is PurseFormatException or FormatException or SmartCardException)
        {
            throw new LocalDataException($"{path} is not a valid issuer certificate ({e.Message.TrimEnd('.')})", e);
        }
    }
}
