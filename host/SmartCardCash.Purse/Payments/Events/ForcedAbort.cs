using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments.Events;

/// <summary>A forced START aborted a purse's unfinished earlier transfer first (spec 4.3), or may have.</summary>
/// <param name="Certain">False when the START got no answer, so whether it ran is unknown.</param>
internal sealed record ForcedAbort(string Purse, PendingTransfer Unfinished, bool Certain) : PaymentEvent;
