using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Cli.Errors;

/// <summary>
/// A failure after the card was connected, while the command was talking to it: whatever its kind (card removed,
/// reader unplugged, service gone), the command was cut off midway, so it exits 4.
/// </summary>
internal sealed class CardExchangeException(SmartCardException inner) : Exception(inner.Message, inner);
