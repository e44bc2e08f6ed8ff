using System.Text.Json.Serialization;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The exact result of a payment, a recovery or an abandonment, established from the cards' answers and, after any
/// failure, from their own states (GET DATA pending transfer, RESUME). Never "done" when it was not. Serialisable as
/// JSON as it is.
/// </summary>
public sealed record PaymentOutcome
{
    public required PaymentOutcomeKind Kind { get; init; }

    /// <summary>What happened, in one or two plain sentences.</summary>
    public required string Summary { get; init; }

    /// <summary>The payment details, once a purse fixed them (START FROM); null when the payment never got that far.</summary>
    public PaymentSummary? Payment { get; init; }

    public required PurseReport Payer { get; init; }

    /// <summary>Null for an abandonment, which involves one purse.</summary>
    public PurseReport? Payee { get; init; }

    /// <summary>Whether the payer was debited.</summary>
    public required Certainty Debited { get; init; }

    /// <summary>Whether the payee was credited.</summary>
    public required Certainty Credited { get; init; }

    /// <summary>Where the value is now.</summary>
    public required ValueLocation Value { get; init; }

    /// <summary>For <see cref="PaymentOutcomeKind.NotStarted"/>: who refused and why.</summary>
    public PaymentRefusal? Refusal { get; init; }

    /// <summary>
    /// What changed besides the payment itself: transfers aborted (and logged) along the way, states left behind.
    /// </summary>
    public IReadOnlyList<string> SideEffects { get; init; } = [];

    /// <summary>
    /// What went wrong and what recovery did about it, step by step ("VAL to bob: no answer …", "alice is epa for
    /// this payment", "RESUME alice, VAL to bob, ACK to alice"). Empty when nothing went wrong.
    /// </summary>
    public IReadOnlyList<string> Recovery { get; init; } = [];

    public required PaymentRemedy Remedy { get; init; }

    /// <summary>
    /// For a payment the payee took (<see cref="PayeeHasValue"/>): the payer's signed val, and the payee's ack and the
    /// payer's certificate where the run saw them, for the terminal's journal and the bank's clearing. Null otherwise,
    /// and when the run never saw the val (the payee was found credited by an earlier run). Bytes, so not in the JSON.
    /// </summary>
    [JsonIgnore]
    public SignedPayment? SignedPayment { get; init; }

    /// <summary>True when the payment was refused for security: untrusted or expired certificate, hotlisted purse.</summary>
    [JsonIgnore]
    public bool IsSecurityRefusal => Refusal?.IsSecurity == true;

    /// <summary>The payee has the value (whether or not the payer took the acknowledgement).</summary>
    [JsonIgnore]
    public bool PayeeHasValue => Kind is PaymentOutcomeKind.Completed or PaymentOutcomeKind.CompletedAwaitingAcknowledgement;
}
