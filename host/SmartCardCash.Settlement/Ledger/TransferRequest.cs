using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// A transfer to record. <see cref="Single"/> and <see cref="Pending"/> name both accounts, the amount and the
/// currency (both accounts must be in it); <see cref="Post"/> and <see cref="Void"/> name the pending transfer they
/// resolve and take its accounts. Amounts are minor units, more than zero.
/// </summary>
public sealed record TransferRequest
{
    public const int MaxReferenceLength = 200;

    private TransferRequest(TransferId id, TransferPhase phase, AccountId? debit, AccountId? credit, long amount,
        Currency? currency, TransferCode? code, TransferId? pendingId, string? reference)
    {
        if (phase != TransferPhase.Void)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        }
        if (debit is not null && debit == credit)
        {
            throw new ArgumentException($"transfer {id} debits and credits the same account {debit}.", nameof(credit));
        }
        if (reference is not null && (reference.Length is 0 or > MaxReferenceLength || reference.Any(char.IsControl)))
        {
            throw new ArgumentException($"transfer {id}'s reference is empty, longer than {MaxReferenceLength} characters " +
                "or has a control character.", nameof(reference));
        }
        (Id, Phase, DebitAccount, CreditAccount, Amount, Currency, Code, PendingId, Reference) =
            (id, phase, debit, credit, amount, currency, code, pendingId, reference);
    }

    public TransferId Id { get; }

    public TransferPhase Phase { get; }

    /// <summary>Null for a post or void, which take the pending transfer's.</summary>
    public AccountId? DebitAccount { get; }

    public AccountId? CreditAccount { get; }

    /// <summary>Minor units; for a post, the part of the pending amount to post; 0 for a void (it releases all).</summary>
    public long Amount { get; }

    /// <summary>Null for a post or void.</summary>
    public Currency? Currency { get; }

    /// <summary>Null for a post or void, which carry the pending transfer's code.</summary>
    public TransferCode? Code { get; }

    /// <summary>The pending transfer a post or void resolves.</summary>
    public TransferId? PendingId { get; }

    /// <summary>Free text for the audit trail: a purse ID, payment details, a request.</summary>
    public string? Reference { get; }

    public static TransferRequest Single(TransferId id, AccountId debit, AccountId credit, long amount, Currency currency,
        TransferCode code, string? reference = null) =>
        new(id, TransferPhase.Single, debit, credit, amount, Checked(currency), code, null, reference);

    public static TransferRequest Pending(TransferId id, AccountId debit, AccountId credit, long amount, Currency currency,
        TransferCode code, string? reference = null) =>
        new(id, TransferPhase.Pending, debit, credit, amount, Checked(currency), code, null, reference);

    public static TransferRequest Post(TransferId id, TransferId pendingId, long amount, string? reference = null) =>
        new(id, TransferPhase.Post, null, null, amount, null, null, pendingId, reference);

    public static TransferRequest Void(TransferId id, TransferId pendingId, string? reference = null) =>
        new(id, TransferPhase.Void, null, null, 0, null, null, pendingId, reference);

    public override string ToString() => Phase switch
    {
        TransferPhase.Post => $"{Id}: post {Amount} of pending {PendingId}",
        TransferPhase.Void => $"{Id}: void pending {PendingId}",
        _ => $"{Id}: {Phase.ToString().ToLowerInvariant()} {Currency?.AlphaCode} {Amount} {Code} from {DebitAccount} to {CreditAccount}",
    };

    private static Currency Checked(Currency currency) => currency ?? throw new ArgumentNullException(nameof(currency));
}
