using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Issuing;

/// <summary>An issuer-authorised command together with the issuer's signature: ready to send to the purse it names.</summary>
public sealed class SignedIssuerAuthorisation
{
    private readonly byte[] _signature;

    public SignedIssuerAuthorisation(IssuerAuthorisation authorisation, ReadOnlySpan<byte> signature)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        Authorisation = authorisation;
        _signature = signature.ToArray();
    }

    public IssuerAuthorisation Authorisation { get; }

    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>Signs <paramref name="authorisation"/> with <paramref name="signer"/>.</summary>
    public static SignedIssuerAuthorisation Create(IssuerAuthorisation authorisation, IIssuerSigner signer)
    {
        ArgumentNullException.ThrowIfNull(authorisation);
        ArgumentNullException.ThrowIfNull(signer);
        return new SignedIssuerAuthorisation(authorisation, signer.Sign(authorisation));
    }

    public CommandApdu ToCommand() => Authorisation.ToCommand(_signature);
}
