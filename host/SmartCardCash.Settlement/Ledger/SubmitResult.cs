namespace SmartCardCash.Settlement.Ledger;

/// <summary>The transfers of a submitted chain as recorded. <see cref="AlreadyRecorded"/> is true when every one was
/// already there with the same content (a retry): nothing changed.</summary>
public sealed record SubmitResult(IReadOnlyList<Transfer> Transfers, bool AlreadyRecorded);
