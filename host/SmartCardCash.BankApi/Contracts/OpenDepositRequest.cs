namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/deposits: a merchant's terminal asks for a bank purse to pay the card whose purse is
/// <see cref="MerchantPurse"/> (16 hex digits) into, for the merchant account its key is bound to.
/// <see cref="MerchantAccount"/> may name that account (another is refused, 403); it defaults to it.
/// <see cref="RequestId"/> is the terminal's: the same request again returns the same deposit.</summary>
public sealed record OpenDepositRequest(string? RequestId, string? MerchantPurse, string? MerchantAccount = null);
