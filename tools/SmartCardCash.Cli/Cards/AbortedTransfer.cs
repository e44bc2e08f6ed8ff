using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Cards;

/// <summary>A transfer a command aborted on request (<c>--abort-transfer</c>): the sentence to print and its JSON.</summary>
internal sealed record AbortedTransfer(string Text, AbortedTransferJson Json);
