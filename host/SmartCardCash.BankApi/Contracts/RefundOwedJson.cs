namespace SmartCardCash.BankApi.Contracts;

/// <summary>What a refund of owed payments did: the payments refunded now to <see cref="Account"/> (none on a repeat).</summary>
public sealed record RefundOwedJson(string Payer, string Account, IReadOnlyList<LostPaymentJson> Refunded);
