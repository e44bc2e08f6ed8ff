using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.Cli.Output;

/// <summary><c>scc bank key issue --json</c>: the key and the file it was saved in. Never the key's secret.</summary>
internal sealed record BankKeyIssuedJson(ApiKeyJson Key, string KeyFile);
