using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance;

/// <summary>Reads and writes vector files: camelCase, indented, "\n" line ends, nulls left out — byte-stable output.</summary>
public static class VectorFileJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        IndentSize = 2,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(VectorFile file) => JsonSerializer.Serialize(file, Options) + "\n";

    public static VectorFile Deserialize(string json)
    {
        VectorFile file = JsonSerializer.Deserialize<VectorFile>(json, Options)
            ?? throw new FormatException("the vector file is empty.");
        if (file.Format != VectorFile.FormatName || file.FormatVersion != VectorFile.CurrentFormatVersion)
        {
            throw new FormatException(
                $"this is a '{file.Format}' version {file.FormatVersion} file; this runner reads '{VectorFile.FormatName}' version {VectorFile.CurrentFormatVersion}.");
        }
        return file;
    }

    public static VectorFile Load(string path) => Deserialize(File.ReadAllText(path));
}
