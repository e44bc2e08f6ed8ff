namespace SmartCardCash.Purse.Payments.Events;

/// <summary>A command got no answer: the card was removed, the reader or connection went, or the answer was lost.</summary>
internal sealed record CommandLost(string Purse, string Command, string Reason) : PaymentEvent;
