namespace SmartCardCash.Cli.Cards;

/// <summary>What <see cref="MintReconciler"/> found: one sentence per open intent, and how many it could not settle.</summary>
internal sealed record MintReconciliation(IReadOnlyList<string> Lines, int Undecided);
