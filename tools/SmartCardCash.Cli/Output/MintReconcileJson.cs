namespace SmartCardCash.Cli.Output;

/// <summary><c>scc mint --reconcile --json</c>: one sentence per open mint intent settled, and how many remain undecided.</summary>
internal sealed record MintReconcileJson(string Card, string PurseId, IReadOnlyList<string> Reconciled, int Undecided);
