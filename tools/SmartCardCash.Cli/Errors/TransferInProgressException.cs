namespace SmartCardCash.Cli.Errors;

/// <summary>
/// A command would make the purse abort a transfer that <c>scc recover</c> can still finish, and the user did not ask
/// for that with <c>--abort-transfer</c>: exit 5, the same code an interrupted payment has, because that is the state
/// the purse is in.
/// </summary>
internal sealed class TransferInProgressException(string message) : Exception(message);
