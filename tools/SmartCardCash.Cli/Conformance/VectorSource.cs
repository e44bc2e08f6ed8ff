using System.Text.Json;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Cli.Conformance;

/// <summary>
/// Where the vectors come from: applet-spec/vectors/purse-v1.json built into scc (so the packed tool has it too), or a
/// file given with --vectors.
/// </summary>
internal static class VectorSource
{
    public const string BuiltInName = "purse-v1.json";

    private const string ResourceName = "SmartCardCash.Cli.Conformance.purse-v1.json";

    /// <summary>The vectors and how to name them in the report.</summary>
    public static (VectorFile File, string Name) Load(string? path)
    {
        if (path is null)
        {
            using Stream stream = typeof(VectorSource).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"the built-in vectors ({ResourceName}) are missing from scc");
            using var reader = new StreamReader(stream);
            return (VectorFileJson.Deserialize(reader.ReadToEnd()), $"{BuiltInName} (built in)");
        }
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--vectors: cannot read {path}: {ErrorReporter.OneLine(e.Message)}");
        }
        try
        {
            return (VectorFileJson.Deserialize(text), path);
        }
        catch (Exception e) when (e is JsonException or FormatException or NotSupportedException)
        {
            throw new UsageException($"--vectors: {path} is not a conformance vector file: {ErrorReporter.OneLine(e.Message)}");
        }
    }
}
