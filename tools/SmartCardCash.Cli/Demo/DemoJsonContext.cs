using System.Text.Json.Serialization;

namespace SmartCardCash.Cli.Demo;

/// <summary>Compile-time JSON metadata for <c>scc demo --json</c> (camelCase, like the rest of scc).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(DemoJson))]
internal sealed partial class DemoJsonContext : JsonSerializerContext;
