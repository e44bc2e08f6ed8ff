using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// Runs Mondex value transfers between two purses and reports exactly what happened: card to card with the fewest
/// APDUs the protocol allows, the terminal's own checks before anything changes, RESUME wherever it can still finish
/// an interrupted payment, and a clean abort (value logged on the cards) only where it cannot. See
/// <see cref="PaymentDriver"/> for the protocol and <see cref="RecoveryTable"/> for spec 4.7's table.
/// </summary>
/// <remarks>
/// <para>Every failure ends in a <see cref="PaymentOutcome"/>, not an exception: a card removed, an error status word,
/// a timeout, a reader gone, a dropped connection, at any step. After one, the coordinator asks both cards what they
/// hold and acts on that (a bounded number of times; no waiting, no sleeps). A card that stays out of reach is left
/// in its recoverable state and the outcome says where the value is and what to do.</para>
/// <para>What a run claims is asserted as it goes (<see cref="PaymentInvariants"/>): "debited" only on the payer's val
/// or a card showing the debit, "completed" only with the payee credited. A <see cref="PaymentInvariantException"/>
/// is a defect in the driver, never the cards' doing.</para>
/// <para>Not thread-safe; one run at a time per pair of cards, like the cards themselves.</para>
/// </remarks>
public sealed class PaymentCoordinator
{
    private readonly ILogger _logger;

    public PaymentCoordinator(ILogger? logger = null)
    {
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>How many times a card that failed is asked again (SELECT …) before it counts as out of reach for the run.</summary>
    public int ReachAttempts { get; init; } = 2;

    /// <summary>How many recovery steps (resume, deliver, abort) one run takes at most, each followed by a fresh look at both cards.</summary>
    public int RecoveryRounds { get; init; } = 4;

    /// <summary>
    /// Pays <paramref name="request"/> from <paramref name="payer"/> to <paramref name="payee"/>. Neither purse needs to
    /// be selected first. Refusals (by the terminal's checks or by a purse) come back as
    /// <see cref="PaymentOutcomeKind.NotStarted"/> with a <see cref="PaymentOutcome.Refusal"/>.
    /// </summary>
    public PaymentOutcome Pay(PurseCard payer, PurseCard payee, PaymentRequest request, PaymentPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(payee);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(policy);
        return NewRun(payer, payee).Pay(request, policy);
    }

    /// <summary>
    /// Finishes, or settles, the unfinished transfer between <paramref name="payer"/> and <paramref name="payee"/> from
    /// the cards' own states (spec 4.7): resumes it where it can still complete, aborts it (logging the value) where it
    /// cannot. Idempotent: run again, it finds nothing to do.
    /// </summary>
    /// <exception cref="Iso7816.Errors.SmartCardException">A card does not answer at all, so there is nothing to go on.</exception>
    public PaymentOutcome Recover(PurseCard payer, PurseCard payee)
    {
        ArgumentNullException.ThrowIfNull(payer);
        ArgumentNullException.ThrowIfNull(payee);
        return NewRun(payer, payee).Recover();
    }

    /// <summary>
    /// Gives up the transfer in progress on one purse: ABORT, which logs it in the purse's exception log where value was
    /// in flight (epa: reason 01, epv: reason 02) for the bank; epr logs nothing. Idempotent. A payer's 01 record alone
    /// is no ground for a refund: the payee, if still in epv, takes the val when both cards are recovered (spec 4.4(6)).
    /// </summary>
    /// <exception cref="Iso7816.Errors.SmartCardException">The card does not answer.</exception>
    public PaymentOutcome Abandon(PurseCard purse)
    {
        ArgumentNullException.ThrowIfNull(purse);
        // Only the first slot is used: the outcome names the purse as payer or payee from the state it was in.
        var participant = new PaymentParticipant(purse, PaymentParty.Payer);
        return new PaymentDriver(participant, participant, _logger, ReachAttempts, RecoveryRounds).Abandon();
    }

    private PaymentDriver NewRun(PurseCard payer, PurseCard payee) =>
        new(new PaymentParticipant(payer, PaymentParty.Payer), new PaymentParticipant(payee, PaymentParty.Payee), _logger,
            ReachAttempts, RecoveryRounds);
}
