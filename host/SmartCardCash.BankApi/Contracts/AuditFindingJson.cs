namespace SmartCardCash.BankApi.Contracts;

/// <summary>One thing the audit found wrong: the check, what it is about, in one sentence.</summary>
public sealed record AuditFindingJson(string Check, string Subject, string Sentence);
