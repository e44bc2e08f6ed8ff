using System.Text.Json.Serialization;

namespace SmartCardCash.Cli.Output;

/// <summary>Compile-time JSON metadata for everything the CLI writes; camelCase names are part of its interface.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<ReaderJson>))]
[JsonSerializable(typeof(ApduRunJson))]
[JsonSerializable(typeof(MonitorEventJson))]
[JsonSerializable(typeof(PurseInfoJson))]
[JsonSerializable(typeof(BalanceJson))]
[JsonSerializable(typeof(LogJson))]
[JsonSerializable(typeof(LockJson))]
[JsonSerializable(typeof(MintJson))]
[JsonSerializable(typeof(MintReconcileJson))]
[JsonSerializable(typeof(IssuerJson))]
[JsonSerializable(typeof(CardJson))]
[JsonSerializable(typeof(IReadOnlyList<CardListJson>))]
[JsonSerializable(typeof(DeletedJson))]
[JsonSerializable(typeof(BlankCardJson))]
[JsonSerializable(typeof(ConformanceJson))]
[JsonSerializable(typeof(AttachEventJson))]
[JsonSerializable(typeof(BankServeJson))]
[JsonSerializable(typeof(BankAccountOpenedJson))]
[JsonSerializable(typeof(BankCredentialReissuedJson))]
[JsonSerializable(typeof(BankKeyIssuedJson))]
[JsonSerializable(typeof(BankClearJson))]
[JsonSerializable(typeof(BankExceptionsJson))]
[JsonSerializable(typeof(HotlistFetchJson))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
