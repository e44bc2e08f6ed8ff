using System.Net;
using System.Text.Json;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>An answer read as an RFC 7807 problem, asserting what every problem must be.</summary>
public sealed record Problem(int Status, string Title, string Detail, string? Field, string? Reason, string Body)
{
    public static async Task<Problem> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        string body = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        JsonElement root = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, root.GetProperty("status").GetInt32());
        string title = root.GetProperty("title").GetString()!;
        string detail = root.GetProperty("detail").GetString()!;
        Assert.False(string.IsNullOrWhiteSpace(title));
        Assert.EndsWith(".", detail, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal); // no stack trace
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        return new Problem((int)expected, title, detail, Text(root, "field"), Text(root, "reason"), body);
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
