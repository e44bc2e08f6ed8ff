namespace SmartCardCash.Purse.Payments.Events;

/// <summary>Recovery began: what each purse was found in.</summary>
internal sealed record CardsFound(PurseView Payer, PurseView Payee) : PaymentEvent;
