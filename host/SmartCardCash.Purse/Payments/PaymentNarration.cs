namespace SmartCardCash.Purse.Payments;

/// <summary>An outcome's words: its summary, the side effects and the recovery steps, in the order they happened.</summary>
internal sealed record PaymentNarration(string Summary, IReadOnlyList<string> SideEffects, IReadOnlyList<string> Recovery);
