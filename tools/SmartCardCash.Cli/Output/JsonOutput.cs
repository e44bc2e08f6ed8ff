using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SmartCardCash.Cli.Output;

/// <summary>Writes the JSON documents: indented for whole-command documents, one compact line per monitor event.</summary>
internal static class JsonOutput
{
    // Relaxed escaping keeps '+' in timestamps and non-ASCII reader names readable; the output never goes into HTML.
    private static readonly JsonSerializerOptions Indented = Create(writeIndented: true);
    private static readonly JsonSerializerOptions Compact = Create(writeIndented: false);

    public static void WriteDocument<T>(TextWriter writer, T value) => writer.WriteLine(Serialize(value, Indented));

    public static void WriteLine<T>(TextWriter writer, T value) => writer.WriteLine(Serialize(value, Compact));

    private static string Serialize<T>(T value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)));

    private static JsonSerializerOptions Create(bool writeIndented)
    {
        var options = new JsonSerializerOptions
        {
            // One set of conventions for every command: the reader, card and purse documents and the payment ones.
            TypeInfoResolver = JsonTypeInfoResolver.Combine(CliJsonContext.Default, Payments.PaymentsJsonContext.Default,
                BankApi.BankApiJsonContext.Default, Demo.DemoJsonContext.Default),
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            WriteIndented = writeIndented,
        };
        options.MakeReadOnly();
        return options;
    }
}
