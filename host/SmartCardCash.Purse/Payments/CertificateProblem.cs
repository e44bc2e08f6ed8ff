namespace SmartCardCash.Purse.Payments;

/// <summary>Why a terminal refuses a purse: the refusal reason and one plain sentence about it.</summary>
public sealed record CertificateProblem(RefusalReason Reason, string Message);
