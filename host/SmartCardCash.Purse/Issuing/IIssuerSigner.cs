using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Issuing;

/// <summary>
/// Signs issuer-authorised commands (spec 7). <see cref="Issuer"/> signs with a key on disk; a bank could sign in an
/// HSM or a remote service behind the same interface.
/// </summary>
public interface IIssuerSigner
{
    IssuerId IssuerId { get; }

    /// <summary>The issuer's DER ECDSA signature over <see cref="IssuerAuthorisation.SignedBytes"/>.</summary>
    byte[] Sign(IssuerAuthorisation authorisation);
}
