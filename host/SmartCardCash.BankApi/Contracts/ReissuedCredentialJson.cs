namespace SmartCardCash.BankApi.Contracts;

/// <summary>The answer to reissuing an account holder's credential: the new one, given once; the old one no longer
/// works.</summary>
public sealed record ReissuedCredentialJson(AccountJson Account, string HolderCredential)
{
    /// <summary>Never the credential: a record's default ToString would print it.</summary>
    public override string ToString() => $"{Account.Id} (credential reissued)";
}
