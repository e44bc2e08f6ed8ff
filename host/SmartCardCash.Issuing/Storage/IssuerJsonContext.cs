using System.Text.Json.Serialization;

namespace SmartCardCash.Issuing.Storage;

/// <summary>Compile-time JSON metadata for the issuer's files; camelCase names are their format.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(IssuerStateJson))]
[JsonSerializable(typeof(MintRecordJson))]
[JsonSerializable(typeof(MintIntentJson))]
internal sealed partial class IssuerJsonContext : JsonSerializerContext;
