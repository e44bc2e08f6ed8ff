namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// A transfer's ID, chosen by the client: the ledger holds at most one transfer per ID, so a retry with the same ID
/// can never post twice. 1 to 200 characters of <see cref="LedgerKey"/>'s alphabet, so natural keys compose into it
/// (<c>load/REQUEST-ID/debit</c>, <c>val:5343430A00000001:17</c>).
/// </summary>
public readonly record struct TransferId
{
    public const int MaxLength = 200;

    public TransferId(string value) => Value = LedgerKey.Checked(value, MaxLength, "a transfer ID");

    public string Value { get; }

    /// <summary>This ID with <paramref name="suffix"/> appended after a slash: the transfers of one request.</summary>
    public TransferId With(string suffix) => new($"{Value}/{suffix}");

    public override string ToString() => Value;
}
