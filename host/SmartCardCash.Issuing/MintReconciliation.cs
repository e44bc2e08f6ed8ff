namespace SmartCardCash.Issuing;

/// <summary>What <see cref="MintReconciler"/> found: one sentence per open intent, and how many it could not settle.</summary>
/// <param name="Lines">One sentence per open intent the purse had, in the order they were announced.</param>
/// <param name="Undecided">How many of those the purse could not settle: they stay open.</param>
public sealed record MintReconciliation(IReadOnlyList<string> Lines, int Undecided);
