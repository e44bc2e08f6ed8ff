using Microsoft.Extensions.Logging;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>Purse's README sample of the payment coordinator, run by <see cref="PurseReadmeSampleTests"/>.</summary>
internal static class PayAndRecover
{
    public static (PaymentOutcome Paid, PaymentOutcome Recovered, PaymentOutcome Abandoned) Pay(PurseCard payer, PurseCard payee,
        PurseCertificate trustedIssuerCertificate, string home, TimeProvider time, ILogger logger, byte[] orderDigest)
    {
        // <coordinator>
        var policy = new PaymentPolicy(trustedIssuerCertificate, Hotlist.Load(Hotlist.DefaultPath(home), mustExist: false), time);
        var coordinator = new PaymentCoordinator(logger);                      // ReachAttempts 2, RecoveryRounds 4
        PaymentOutcome outcome = coordinator.Pay(payer, payee, new PaymentRequest(Money.Of(Currency.Eur, 12_50), orderDigest)
            { LockCode = null, Force = false }, policy);
        PaymentOutcome recovered = coordinator.Recover(payer, payee);          // spec 4.7 from the cards' own states; idempotent
        PaymentOutcome abandoned = coordinator.Abandon(payer);                 // ABORT: epa logs 01, epv logs 02, epr nothing
        // </coordinator>
        return (outcome, recovered, abandoned);
    }
}
