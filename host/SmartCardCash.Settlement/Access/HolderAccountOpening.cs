using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Access;

/// <summary>A customer or merchant account opened with its holder's credential (<see cref="HolderCredential"/>, shown
/// this once), or found already open with the same content (<see cref="AlreadyOpen"/>, no credential: it was given
/// when the account was opened, and <see cref="BankAccess.ReissueHolderCredential"/> replaces a lost one).</summary>
public sealed record HolderAccountOpening(Account Account, bool AlreadyOpen, string? HolderCredential)
{
    /// <summary>Never the credential.</summary>
    public override string ToString() => $"{Account.Id}{(AlreadyOpen ? " (already open)" : " (opened)")}";
}
