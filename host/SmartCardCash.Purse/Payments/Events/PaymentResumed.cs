namespace SmartCardCash.Purse.Payments.Events;

/// <summary>Recovery re-sent a purse's last message (RESUME) and the rest of the protocol, and the payment completed.</summary>
/// <param name="Step">DeliverReq, DeliverVal, DeliverLoggedVal or DeliverAck.</param>
internal sealed record PaymentResumed(RecoveryAction Step) : PaymentEvent;
