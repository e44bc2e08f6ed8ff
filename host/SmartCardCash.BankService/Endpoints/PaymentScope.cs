using Microsoft.AspNetCore.Http;
using SmartCardCash.BankService.Access;
using SmartCardCash.BankService.Requests;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>
/// A load's or a deposit's ID in the bank is the terminal's request ID scoped by the key that opened it
/// (<c>KEYID.REQUESTID</c>): two terminals never share a request ID, and only the key that opened a payment finds it,
/// so no other key can drive, read or end it (another key's is simply not there: 404).
/// </summary>
internal static class PaymentScope
{
    public static string Of(HttpContext context, string requestId) => $"{context.Caller().Id}.{requestId}";

    /// <summary>The scoped ID of a route's <c>{id}</c>, checked as a request ID.</summary>
    public static string OfRoute(HttpContext context, string id) => Of(context, RequestFields.RequestId(Uri.UnescapeDataString(id), "id"));

    /// <summary>The terminal's request ID of a scoped ID.</summary>
    public static string RequestIdOf(string scoped) => scoped[(scoped.IndexOf('.', StringComparison.Ordinal) + 1)..];
}
