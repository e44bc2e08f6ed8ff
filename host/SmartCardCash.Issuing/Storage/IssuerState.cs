using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Storage;

/// <summary>The issuer's small mutable record: its ID, the next purse serial to give out, and when it was created.</summary>
public sealed record IssuerState(IssuerId IssuerId, uint NextSerial, DateTimeOffset Created);
