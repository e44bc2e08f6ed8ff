using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>A purse certificate the bank holds, and whether it was already registered (a retry changes nothing).</summary>
public sealed record CertificateRegistration(PurseCertificate Certificate, bool AlreadyRegistered)
{
    public PurseId Purse => Certificate.Body.Holder;
}
