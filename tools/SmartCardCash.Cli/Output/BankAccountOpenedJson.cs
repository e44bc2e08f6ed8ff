using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Output;

/// <summary><c>scc bank account open --json</c>: the account, whether it was open already, and the file the holder's
/// credential was saved in (null when it was open already). Never the credential itself.</summary>
internal sealed record BankAccountOpenedJson(AccountJson Account, bool AlreadyOpen, string? CredentialFile);
