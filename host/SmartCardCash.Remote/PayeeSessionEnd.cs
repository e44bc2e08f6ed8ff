namespace SmartCardCash.Remote;

/// <summary>Ends a payee session early, with the reason to report; never leaves <see cref="PayeeSession"/>.</summary>
internal sealed class PayeeSessionEnd(string reason) : Exception(reason);
