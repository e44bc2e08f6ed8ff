namespace SmartCardCash.BankApi.Contracts;

/// <summary>The answer to opening an account. <see cref="HolderCredential"/> is given once, on the opening itself (201),
/// never on a retry (200) nor anywhere else: the holder presents it to load from the account.</summary>
public sealed record OpenedAccountJson(AccountJson Account, bool AlreadyOpen, string? HolderCredential)
{
    public override string ToString() => $"{Account.Id}{(AlreadyOpen ? " (already open)" : " (opened)")}";
}
