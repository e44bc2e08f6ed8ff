namespace SmartCardCash.Cli.Output;

/// <summary>
/// The transfer a command aborted because <c>--abort-transfer</c> asked it to: the state it was in (epr, epv, epa), its
/// payment details, and the sentence saying where the value went.
/// </summary>
internal sealed record AbortedTransferJson(string State, PaymentJson? Payment, string Note);
