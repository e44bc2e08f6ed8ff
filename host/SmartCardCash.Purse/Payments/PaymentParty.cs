using System.Text.Json.Serialization;

namespace SmartCardCash.Purse.Payments;

/// <summary>Who refused: one of the purses, or the terminal (the host's own checks before anything is sent).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PaymentParty>))]
public enum PaymentParty
{
    Payer,
    Payee,
    Terminal,
}
