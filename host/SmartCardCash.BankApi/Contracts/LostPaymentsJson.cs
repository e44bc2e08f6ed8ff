namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/lost-payments (operator): the open ones, oldest first, as of <see cref="AsOf"/>.</summary>
public sealed record LostPaymentsJson(DateTimeOffset AsOf, IReadOnlyList<LostPaymentJson> Payments);
