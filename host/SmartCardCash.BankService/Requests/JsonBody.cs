using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using SmartCardCash.BankService.Problems;

namespace SmartCardCash.BankService.Requests;

/// <summary>
/// Reads a request's JSON body, refusing before anything is written: not JSON (415), larger than the limit (413, also
/// when the body does not say its length), or malformed, a wrong type, an unknown or a duplicate member (400, naming the
/// field).
/// </summary>
internal static class JsonBody
{
    public static async Task<T> ReadAsync<T>(HttpContext context, JsonTypeInfo<T> type, long maxBytes) where T : class
    {
        HttpRequest request = context.Request;
        if (!request.HasJsonContentType())
        {
            throw new ApiProblemException(415, "Unsupported media type",
                $"the request body must be JSON (Content-Type: application/json), not {request.ContentType ?? "none"}.");
        }
        if (request.ContentLength > maxBytes)
        {
            throw TooLarge(maxBytes);
        }
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(maxBytes);
            }
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        try
        {
            return JsonSerializer.Deserialize(buffer, type)
                ?? throw ApiProblemException.BadRequest("body", "the request body is null; it must be a JSON object.");
        }
        catch (JsonException e)
        {
            throw Refusal(e, type);
        }
    }

    /// <summary>
    /// The 400 for a body System.Text.Json refused, in one sentence of the API's own words: a duplicate field (the last
    /// would silently win, so an idempotency key could be ambiguous), an unknown one, malformed JSON, or a value of the
    /// wrong type, which says what the field must be. Never a .NET type name.
    /// </summary>
    private static ApiProblemException Refusal<T>(JsonException e, JsonTypeInfo<T> type)
    {
        string field = e.Path is null or "$" ? "body" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
        if (e.Message.StartsWith("Duplicate property", StringComparison.Ordinal) && Unmapped(e.Message) is string duplicate)
        {
            string name = field == "body" ? duplicate : field.EndsWith(duplicate, StringComparison.Ordinal) ? field : $"{field}.{duplicate}";
            return ApiProblemException.BadRequest(name, $"{name} appears more than once; each field is given once.");
        }
        if (e.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && Unmapped(e.Message) is string unknown)
        {
            return ApiProblemException.BadRequest(unknown, $"{unknown} is not a field of this request (a misspelt name?).");
        }
        // The reader's own errors (a syntax error) carry its exception inside; a value of the wrong type does not.
        if (e.InnerException is JsonException)
        {
            return ApiProblemException.BadRequest(field, field == "body"
                ? $"the request body is not valid JSON: {FirstSentence(e.Message)}"
                : $"{field} is malformed JSON: {FirstSentence(e.Message)}");
        }
        return ApiProblemException.BadRequest(field, field == "body"
            ? "the request body must be a JSON object."
            : $"{field} must be {JsonFieldKind.Of(type, field)}.");
    }

    /// <summary>The property System.Text.Json names in "The JSON property 'x' could not be mapped…", with the path before it.</summary>
    private static string? Unmapped(string message)
    {
        int start = message.IndexOf('\'', StringComparison.Ordinal);
        int end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start + 1 ? RequestFields.Printable(message[(start + 1)..end]) : null;
    }

    private static ApiProblemException TooLarge(long maxBytes) =>
        new(413, "Request too large", $"the request body is larger than the {maxBytes} bytes the service takes.");

    /// <summary>System.Text.Json's messages name .NET types and paths after the first sentence; the first says enough.</summary>
    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end > 0 ? message[..(end + 1)] : message).Trim();
    }
}
