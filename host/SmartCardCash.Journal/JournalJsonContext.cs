using System.Text.Json.Serialization;

namespace SmartCardCash.Journal;

/// <summary>Compile-time JSON metadata for the journal's lines; camelCase names are their format.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = false)]
[JsonSerializable(typeof(JournalLineJson))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
