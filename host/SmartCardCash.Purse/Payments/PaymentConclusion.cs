namespace SmartCardCash.Purse.Payments;

/// <summary>
/// How a run ended, as data: the outcome's kind, where the value is, what to do, the refusal, and which story tells it.
/// <see cref="OutcomeTable"/> decides it from the run's knowledge; <see cref="PaymentNarrator"/> puts it in words.
/// </summary>
internal sealed record PaymentConclusion(PaymentOutcomeKind Kind, OutcomeStory Story, ValueLocation Value, PaymentRemedy Remedy)
{
    public PaymentRefusal? Refusal { get; init; }

    /// <summary>For a story about one purse of the two (<see cref="OutcomeStory.HeldWithAnother"/>): which.</summary>
    public PaymentParty Subject { get; init; } = PaymentParty.Payer;

    public PayeeLeft PayeeLeft { get; init; }
}
