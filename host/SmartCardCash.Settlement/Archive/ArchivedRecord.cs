using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Archive;

/// <summary>One uploaded record: stored now or before (<see cref="AlreadyArchived"/>), and what it means so far.</summary>
public sealed record ArchivedRecord(int Index, ExceptionRecord Record, bool AlreadyArchived, ExceptionClassification Classification);
