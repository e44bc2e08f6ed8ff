using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;
using SmartCardCash.BankService.Problems;

namespace SmartCardCash.BankService.Requests;

/// <summary>
/// Reads a request's JSON body, refusing before anything is written: not JSON (415), larger than the limit (413, also
/// when the body does not say its length), or malformed, a wrong type or an unknown member (400, naming the field).
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
            string field = e.Path is null or "$" ? "body" : e.Path.StartsWith("$.", StringComparison.Ordinal) ? e.Path[2..] : e.Path;
            if (e.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal) && Unmapped(e.Message) is string unknown)
            {
                throw ApiProblemException.BadRequest(unknown, $"{unknown} is not a field of this request (a misspelt name?).");
            }
            throw ApiProblemException.BadRequest(field, field == "body"
                ? $"the request body is not the JSON object this route takes: {FirstSentence(e.Message)}"
                : $"{field} has the wrong type or is malformed JSON: {FirstSentence(e.Message)}");
        }
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
