using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Personalisation;

/// <summary>
/// Runs the personalisation of spec 5.4 - 5.6 over any card holding a blank purse (an emulated image or a real card in
/// a PC/SC reader): GENERATE KEY PAIR on the card → the issuer certifies that key → PUT DATA issuer certificate,
/// purse certificate, each pocket's limits, lock code and tries → ACTIVATE, then reads the purse back to check it.
/// Each step checks the card's answer: a refusal is the typed <see cref="Purse.Errors.PurseException"/> of that command.
/// </summary>
/// <remarks>
/// The private key is generated on the card and never leaves it; the host sees only the public key it certifies.
/// A serial is taken from <see cref="IPurseSerialSource"/> before the certificate is issued, so a failed run uses one
/// up rather than risk two purses with one ID.
/// </remarks>
public sealed class PursePersonaliser
{
    private readonly Issuer _issuer;
    private readonly IPurseSerialSource _serials;
    private readonly TimeProvider _time;

    public PursePersonaliser(Issuer issuer, IPurseSerialSource serials, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        ArgumentNullException.ThrowIfNull(serials);
        _issuer = issuer;
        _serials = serials;
        _time = time ?? TimeProvider.System;
    }

    /// <exception cref="Purse.Errors.PurseNotFoundException">The card has no purse application.</exception>
    /// <exception cref="Purse.Errors.WrongStateException">The purse is not blank (already issued).</exception>
    /// <exception cref="PersonalisationCheckException">The purse does not read back as personalised.</exception>
    public PersonalisationResult Personalise(PurseCard card, PersonalisationRequest request)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(request);

        card.Select();
        byte[] publicKey = card.GenerateKeyPair();
        PurseId purseId = _issuer.PurseIdFor(_serials.NextSerial());
        DateOnly today = DateOnly.FromDateTime(_time.GetUtcNow().UtcDateTime);
        PurseCertificate certificate = _issuer.IssuePurseCertificate(purseId, request.Class, request.Currencies, publicKey,
            today, request.ValidityYears);

        card.PutIssuerCertificate(_issuer.Certificate);
        card.PutPurseCertificate(certificate);
        foreach (PocketLimits pocket in request.Pockets)
        {
            card.PutPocketLimits(pocket);
        }
        card.PutLockCode(request.LockCode, request.LockCodeTries);
        card.Activate();

        Check(card, purseId, request, certificate);
        return new PersonalisationResult(purseId, request.Class, certificate, request.Pockets, request.LockCodeTries);
    }

    private void Check(PurseCard card, PurseId purseId, PersonalisationRequest request, PurseCertificate certificate)
    {
        PurseFci fci = card.Select();
        if (fci.Lifecycle != PurseLifecycle.Issued || fci.PurseId != purseId || fci.PurseClass != request.Class)
        {
            throw new PersonalisationCheckException(
                $"after personalisation {card.Name} reads as {fci.Lifecycle}, purse {fci.PurseId?.ToString() ?? "none"}, " +
                $"class {fci.PurseClass?.ToString() ?? "none"}; an issued {request.Class} purse {purseId} was expected");
        }
        if (!card.GetCertificate().Encoded.SequenceEqual(certificate.Encoded) ||
            !card.GetIssuerCertificate().Encoded.SequenceEqual(_issuer.Certificate.Encoded))
        {
            throw new PersonalisationCheckException(
                $"after personalisation {card.Name} holds other certificates than the ones it was given");
        }
        IReadOnlyList<PocketLimits> limits = card.GetLimits();
        if (!limits.SequenceEqual(request.Pockets))
        {
            throw new PersonalisationCheckException($"after personalisation {card.Name} holds other pocket limits than the ones it was given");
        }
    }
}
