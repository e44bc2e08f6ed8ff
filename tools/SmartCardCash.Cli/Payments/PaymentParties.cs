using SmartCardCash.Purse;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// The card addresses of a payment's two slots (for the commands that finish it) and the balances read afterwards.
/// A slot with no card here (the counterparty of an abandoned transfer) has a null address.
/// </summary>
internal sealed record PaymentParties(string? PayerAddress, string? PayeeAddress, Money? PayerBalance, Money? PayeeBalance);
