using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Cli.Payments;

/// <summary>Writes the payment commands' JSON with the same conventions as <see cref="JsonOutput"/>.</summary>
internal static class PaymentsJson
{
    private static readonly JsonSerializerOptions Indented = Create(writeIndented: true);
    private static readonly JsonSerializerOptions Compact = Create(writeIndented: false);

    public static void WriteDocument<T>(TextWriter writer, T value) => writer.WriteLine(Serialize(value, Indented));

    public static void WriteLine<T>(TextWriter writer, T value) => writer.WriteLine(Serialize(value, Compact));

    /// <summary>"completedAwaitingAcknowledgement", "withPayee": enum names as JSON values, camelCase.</summary>
    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum => JsonNamingPolicy.CamelCase.ConvertName(value.ToString());

    public static PaymentJson? Payment(PaymentSummary? payment) => payment is null
        ? null
        : new PaymentJson(payment.From, payment.To, PurseFormats.Json(payment.Value), payment.FromSeq, payment.ToSeq, payment.OrderDigest);

    public static MoneyJson? Money(Money? money) => money is { } m ? PurseFormats.Json(m) : null;

    private static string Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            TypeInfoResolver = PaymentsJsonContext.Default,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = writeIndented,
        };
        options.MakeReadOnly();
        return options;
    }
}
