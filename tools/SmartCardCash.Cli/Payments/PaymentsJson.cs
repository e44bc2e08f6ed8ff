using System.Text.Json;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Cli.Payments;

/// <summary>Shapes of the payment commands' JSON (written by <see cref="JsonOutput"/>, like every command's).</summary>
internal static class PaymentsJson
{
    /// <summary>"completedAwaitingAcknowledgement", "withPayee": enum names as JSON values, camelCase.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static PaymentJson? Payment(PaymentSummary? payment) => payment is null
        ? null
        : new PaymentJson(payment.From, payment.To, PurseFormats.Json(payment.Value), payment.FromSeq, payment.ToSeq, payment.OrderDigest);

    public static MoneyJson? Money(Money? money) => money is { } m ? PurseFormats.Json(m) : null;
}
