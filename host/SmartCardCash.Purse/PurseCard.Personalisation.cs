using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse;

// Personalisation (spec 5.4 - 5.6): the commands PursePersonaliser runs, in order, before ACTIVATE.
public sealed partial class PurseCard
{
    /// <summary>GENERATE KEY PAIR (personalisation): the card makes its key pair and returns the public key.</summary>
    public byte[] GenerateKeyPair() =>
        PurseResponses.ParsePublicKey(Send(PurseCommand.GenerateKeyPair, PurseCommands.GenerateKeyPair()).Data.Span);

    /// <summary>PUT DATA 01 (personalisation): the issuer's self-signed certificate, the purse's trust anchor.</summary>
    public void PutIssuerCertificate(PurseCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Send(PurseCommand.PutData, PurseCommands.PutIssuerCertificate(certificate.Encoded));
    }

    /// <summary>PUT DATA 02 (personalisation): the purse's certificate, for the key <see cref="GenerateKeyPair"/> made.</summary>
    public void PutPurseCertificate(PurseCertificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        Send(PurseCommand.PutData, PurseCommands.PutPurseCertificate(certificate.Encoded));
    }

    /// <summary>PUT DATA 03 (personalisation): one pocket's limits.</summary>
    public void PutPocketLimits(PocketLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Send(PurseCommand.PutData, PurseCommands.PutPocketLimits(limits.Currency, limits.MaximumBalance,
            limits.TransactionLimit, limits.ContactlessLimit));
    }

    /// <summary>PUT DATA 04 (personalisation): the lock code and its number of tries (1 to 15).</summary>
    public void PutLockCode(string code, int tries)
    {
        if (tries is < PurseConstants.MinLockCodeTries or > PurseConstants.MaxLockCodeTries)
        {
            throw new ArgumentOutOfRangeException(nameof(tries), tries,
                $"lock-code tries are {PurseConstants.MinLockCodeTries} to {PurseConstants.MaxLockCodeTries}");
        }
        Send(PurseCommand.PutData, PurseCommands.PutLockCode(CheckCode(code), tries));
    }

    /// <summary>ACTIVATE without data: ends personalisation (PERSONALISATION → ISSUED).</summary>
    public void Activate() => Send(PurseCommand.Activate, PurseCommands.Activate());
}
