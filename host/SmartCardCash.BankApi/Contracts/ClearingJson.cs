namespace SmartCardCash.BankApi.Contracts;

/// <summary>What clearing did with each line of a <see cref="ClearingRequest"/>, and the counts by status.</summary>
public sealed record ClearingJson(
    string RequestId,
    int Cleared,
    int AlreadyCleared,
    int ClonesDetected,
    int Refused,
    IReadOnlyList<ClearingRecordJson> Records);
