namespace SmartCardCash.Settlement.Audit;

/// <summary>One thing the audit found wrong: which <see cref="Check"/>, about what (an account, a transfer, a
/// currency), in one sentence.</summary>
public sealed record AuditFinding(AuditCheck Check, string Subject, string Sentence)
{
    public override string ToString() => $"{Check}: {Sentence}";
}
