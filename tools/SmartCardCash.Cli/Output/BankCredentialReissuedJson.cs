using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Output;

/// <summary><c>scc bank account reissue-credential --json</c>: the account and the file its holder's new credential was
/// saved in. Never the credential itself.</summary>
internal sealed record BankCredentialReissuedJson(AccountJson Account, string CredentialFile);
