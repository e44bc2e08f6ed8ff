namespace SmartCardCash.Settlement.Ledger;

/// <summary>An account's ID, chosen by whoever opens it (so opening is idempotent): 1 to 100 characters of
/// <see cref="LedgerKey"/>'s alphabet, e.g. <c>EUR.minted</c> or <c>customer.alice</c>.</summary>
public readonly record struct AccountId
{
    public const int MaxLength = 100;

    public AccountId(string value) => Value = LedgerKey.Checked(value, MaxLength, "an account ID");

    public string Value { get; }

    public override string ToString() => Value;
}
