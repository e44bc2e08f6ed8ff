namespace SmartCardCash.Cli.Output;

/// <summary>
/// <c>scc issuer init/show --json</c>: public facts only (the private key is never output). <c>minted</c> totals the
/// mint journal per currency.
/// </summary>
internal sealed record IssuerJson(string IssuerId, string Fingerprint, string PublicKey, string Effective, string Expiry,
    uint NextSerial, string Directory, IReadOnlyList<MoneyJson> Minted, int Mints);
