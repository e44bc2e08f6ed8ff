namespace SmartCardCash.Issuing.Storage;

/// <summary><c>issuer.json</c> as written: hex issuer ID, next serial, creation time (ISO 8601).</summary>
internal sealed record IssuerStateJson(string IssuerId, uint NextSerial, string Created);
