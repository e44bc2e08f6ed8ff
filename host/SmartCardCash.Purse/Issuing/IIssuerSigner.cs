using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Issuing;

/// <summary>
/// Signs issuer-authorised commands (spec 7): what <see cref="PurseCard"/>'s issuer commands take. The issuer of
/// SmartCardCash.Issuing signs with a key on disk; a bank could sign in an HSM or a remote service behind the same
/// interface. Defined here, with the card commands, so the purse API depends on no issuer implementation.
/// </summary>
public interface IIssuerSigner
{
    IssuerId IssuerId { get; }

    /// <summary>The issuer's DER ECDSA signature over <see cref="IssuerAuthorisation.SignedBytes"/>.</summary>
    byte[] Sign(IssuerAuthorisation authorisation);
}
