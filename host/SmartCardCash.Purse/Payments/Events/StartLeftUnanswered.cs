namespace SmartCardCash.Purse.Payments.Events;

/// <summary>START FROM got no answer and the payer could not be asked since: it may be in epr, which holds no value.</summary>
internal sealed record StartLeftUnanswered(string Purse) : PaymentEvent;
