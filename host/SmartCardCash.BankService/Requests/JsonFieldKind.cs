using System.Text.Json.Serialization.Metadata;

namespace SmartCardCash.BankService.Requests;

/// <summary>What a request field must hold, in the API's words ("a whole number of minor units", "a string"), found from
/// the request's JSON contract by the field's path (<c>fee.basisPoints</c>, <c>records[0].counter</c>).</summary>
internal static class JsonFieldKind
{
    /// <summary>The fields that are money, in minor units.</summary>
    private static readonly HashSet<string> MoneyFields = ["amount", "fixed"];

    public static string Of(JsonTypeInfo request, string path)
    {
        Type? type = TypeAt(request, path);
        Type? value = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        string leaf = path[(path.LastIndexOf('.') + 1)..];
        leaf = leaf.Contains('[', StringComparison.Ordinal) ? leaf[..leaf.IndexOf('[', StringComparison.Ordinal)] : leaf;
        if (value is null)
        {
            return "a value of another type";
        }
        if (value == typeof(long) || value == typeof(int) || value == typeof(short) || value == typeof(byte)
            || value == typeof(ulong) || value == typeof(uint) || value == typeof(ushort))
        {
            return MoneyFields.Contains(leaf) ? "a whole number of minor units" : "a whole number";
        }
        if (value == typeof(string))
        {
            return "a string";
        }
        if (value == typeof(bool))
        {
            return "true or false";
        }
        return request.Options.GetTypeInfo(value).Kind switch
        {
            JsonTypeInfoKind.Enumerable => "an array",
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => "a JSON object",
            _ => "a value of another type",
        };
    }

    /// <summary>The .NET type of the value at <paramref name="path"/>, or null if the contract has no such path.</summary>
    private static Type? TypeAt(JsonTypeInfo request, string path)
    {
        JsonTypeInfo info = request;
        foreach (string segment in path.Split('.'))
        {
            string[] parts = segment.Split('[');
            JsonPropertyInfo? property = info.Properties.FirstOrDefault(p => p.Name == parts[0]);
            if (property is null)
            {
                return null;
            }
            info = request.Options.GetTypeInfo(property.PropertyType);
            for (int index = 1; index < parts.Length; index++)
            {
                if (info.ElementType is not Type element)
                {
                    return null;
                }
                info = request.Options.GetTypeInfo(element);
            }
        }
        return info.Type;
    }
}
