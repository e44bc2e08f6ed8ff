namespace SmartCardCash.Cli.Errors;

/// <summary>
/// A MINT was sent and its answer lost: the card may or may not have added the value. Exit 4 like any exchange cut
/// off midway; the message says how the open mint intent is settled.
/// </summary>
internal sealed class MintOutcomeUnknownException(string message, Exception inner) : Exception(message, inner);
