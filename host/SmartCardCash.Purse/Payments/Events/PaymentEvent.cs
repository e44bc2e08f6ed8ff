namespace SmartCardCash.Purse.Payments.Events;

/// <summary>
/// Something that happened in a run, as data: the driver records these, and <see cref="PaymentNarrator"/> turns them
/// into the outcome's side effects and recovery steps.
/// </summary>
internal abstract record PaymentEvent;
