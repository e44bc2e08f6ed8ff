namespace SmartCardCash.Purse.Payments;

/// <summary>The first thing that went wrong in a run: a command a purse refused, or one whose answer was lost.</summary>
/// <param name="Purse">The purse's name, as messages give it.</param>
/// <param name="Reason">The card's or the connection's own words, on one line.</param>
internal sealed record PaymentCause(PaymentParty Role, string Purse, string Command, string Reason, bool Refused);
