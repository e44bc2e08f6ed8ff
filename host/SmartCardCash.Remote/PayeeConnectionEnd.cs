namespace SmartCardCash.Remote;

/// <summary>Ends a payee connection early, with the reason to report; never leaves <see cref="PayeeConnection"/>.</summary>
internal sealed class PayeeConnectionEnd(string reason) : Exception(reason);
