using SmartCardCash.Cli.Output;

namespace SmartCardCash.Cli.Payments;

/// <summary>Why a payment did not start: by payer, payee or terminal; the reason; the card's status word; security or not.</summary>
internal sealed record PaymentRefusalJson(string By, string Reason, string Message, string? StatusWord, bool Security,
    PaymentJson? UnfinishedTransfer);
