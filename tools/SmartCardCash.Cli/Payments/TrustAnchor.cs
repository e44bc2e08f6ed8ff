using SmartCardCash.DurableFiles;
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
        string path = file ?? HomeCertificatePath(context);
        if (!Exists(path))
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
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw CannotRead(path, e);
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

    /// <summary>Whether this home's issuer has a certificate: what <c>scc receive</c> trusts before the card's own.</summary>
    /// <exception cref="LocalDataException">The issuer folder cannot be looked into: the certificate may well be there.</exception>
    public static bool InHome(CliContext context) => Exists(HomeCertificatePath(context));

    private static string HomeCertificatePath(CliContext context) => IssuerStore.ForHome(context.Home).CertificatePath;

    /// <summary>A file at <paramref name="path"/>; a folder this user may not look into is said, never taken as "none".</summary>
    private static bool Exists(string path)
    {
        try
        {
            return PrivateFiles.FileExists(path);
        }
        catch (Exception e) when (FileProblem.IsFileFailure(e))
        {
            throw CannotRead(path, e);
        }
    }

    private static LocalDataException CannotRead(string path, Exception e) =>
        new($"the issuer certificate {path} cannot be read ({FileProblem.Describe(e)})", e);
}
