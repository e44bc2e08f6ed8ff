namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>A named P-256 test key: private scalar and uncompressed public point, both hex.</summary>
public sealed record VectorKey(string Name, string PrivateKey, string PublicKey, string Use);
