namespace SmartCardCash.Purse.Payments.Events;

/// <summary>Recovery stopped with a step left to take: <paramref name="Purse"/> refuses ABORT (no problem) or cannot be
/// reached (its problem), so both cards stay as they are.</summary>
internal sealed record CardsLeft(string Purse, string? Problem) : PaymentEvent;
