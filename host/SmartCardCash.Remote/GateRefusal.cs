using SmartCardCash.Iso7816;

namespace SmartCardCash.Remote;

/// <summary>A command the listener answers itself instead of passing it to the card: the status word and why.</summary>
/// <param name="IsPayment">Whether it refuses a payment (the payer's certificate, START TO), not just a command.</param>
internal sealed record GateRefusal(StatusWord StatusWord, string Why, bool IsPayment);
