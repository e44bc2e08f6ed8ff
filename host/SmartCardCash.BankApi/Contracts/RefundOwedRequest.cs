namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/lost-payments/{payer}/refund (operator): refund every payment owed to the payer purse to
/// <see cref="Account"/>, which is linked to the purse. Each payment is refunded once: again, nothing is owed.</summary>
public sealed record RefundOwedRequest(string? Account);
