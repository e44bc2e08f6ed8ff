using System.Text.Json.Serialization;

namespace SmartCardCash.Cli.Payments;

/// <summary>Compile-time JSON metadata for the payment commands' output (camelCase, like the rest of scc).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PaymentOutcomeJson))]
[JsonSerializable(typeof(PayeeEventJson))]
[JsonSerializable(typeof(LoadOutcomeJson))]
[JsonSerializable(typeof(DepositOutcomeJson))]
[JsonSerializable(typeof(JournalUploadJson))]
internal sealed partial class PaymentsJsonContext : JsonSerializerContext;
