using Microsoft.AspNetCore.Http;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.BankService.Problems;

/// <summary>
/// The <c>Retry-After</c> of a 503 (RFC 9110 10.2.3), in whole seconds, where sending the same request again can
/// succeed: the database is down (a restart or a failover takes seconds), or every bank purse is busy with another
/// payment (a payment over the service lasts about a second). A 503 that no retry can cure has none: the service runs
/// without the issuer's key until its operator restarts it where the issuer is.
/// </summary>
internal static class RetryAfter
{
    /// <summary>The database cannot be used: the caller waits this long before the same request (it is idempotent).</summary>
    public static readonly TimeSpan DatabaseUnavailable = TimeSpan.FromSeconds(5);

    /// <summary>The purse to mint into, or every purse of the currency, serves another payment until it ends.</summary>
    public static readonly TimeSpan BankPurseBusy = TimeSpan.FromSeconds(2);

    /// <summary>The wait of a bank purse refusal answered 503, or null when it is not one.</summary>
    public static TimeSpan? Of(BankPurseRefusal reason) =>
        reason is BankPurseRefusal.PurseBusy or BankPurseRefusal.NoPurseFree ? BankPurseBusy : null;

    /// <summary>Sets the header on <paramref name="response"/>.</summary>
    public static void Set(HttpResponse response, TimeSpan wait) =>
        response.Headers.RetryAfter = ((long)wait.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
