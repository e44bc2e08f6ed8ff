using System.Text.Json.Serialization;
using SmartCardCash.BankApi.Contracts;

namespace SmartCardCash.BankApi;

/// <summary>
/// Compile-time JSON metadata for every document of the API: camelCase names are the wire format. A property the
/// record does not have is refused (a misspelt field is an error, not silently ignored), and so is a property given
/// twice (the last would win silently: a request ID must be unambiguous).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(OpenAccountRequest))]
[JsonSerializable(typeof(OpenedAccountJson))]
[JsonSerializable(typeof(ReissuedCredentialJson))]
[JsonSerializable(typeof(AccountJson))]
[JsonSerializable(typeof(AccountsJson))]
[JsonSerializable(typeof(CashInRequest))]
[JsonSerializable(typeof(CashInJson))]
[JsonSerializable(typeof(AuditJson))]
[JsonSerializable(typeof(IssueKeyRequest))]
[JsonSerializable(typeof(IssuedKeyJson))]
[JsonSerializable(typeof(ApiKeyJson))]
[JsonSerializable(typeof(KeysJson))]
[JsonSerializable(typeof(HealthJson))]
[JsonSerializable(typeof(ProblemJson))]
[JsonSerializable(typeof(ClearingRequest))]
[JsonSerializable(typeof(ClearingJson))]
[JsonSerializable(typeof(ExceptionUploadRequest))]
[JsonSerializable(typeof(ExceptionUploadJson))]
[JsonSerializable(typeof(HotlistJson))]
[JsonSerializable(typeof(HotlistReportRequest))]
[JsonSerializable(typeof(HotlistReportJson))]
[JsonSerializable(typeof(HotlistEntriesJson))]
[JsonSerializable(typeof(PurseHolderJson))]
[JsonSerializable(typeof(LostPaymentsJson))]
[JsonSerializable(typeof(RefundOwedRequest))]
[JsonSerializable(typeof(RefundOwedJson))]
[JsonSerializable(typeof(AuthoriseLoadRequest))]
[JsonSerializable(typeof(LoadJson))]
[JsonSerializable(typeof(OpenDepositRequest))]
[JsonSerializable(typeof(DepositJson))]
[JsonSerializable(typeof(ApduRequest))]
[JsonSerializable(typeof(ApduJson))]
[JsonSerializable(typeof(ProvisionBankPurseRequest))]
[JsonSerializable(typeof(MintRequest))]
[JsonSerializable(typeof(BankPurseJson))]
[JsonSerializable(typeof(BankPursesJson))]
public sealed partial class BankApiJsonContext : JsonSerializerContext;
