using Microsoft.AspNetCore.Http;
using SmartCardCash.Settlement.Access;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Access;

/// <summary>The key that <see cref="ApiKeyMiddleware"/> authenticated for this request.</summary>
public static class CallerKey
{
    private static readonly object ItemKey = new();

    public static ApiKey Caller(this HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out object? key) && key is ApiKey apiKey
            ? apiKey : throw new InvalidOperationException($"{context.Request.Path} is anonymous, so it has no caller key.");

    /// <summary>Refuses (403) unless the caller's key may act on <paramref name="account"/>.</summary>
    /// <exception cref="AccessRefusedException">The key is bound to another account, or to none.</exception>
    public static void RequireAccount(this HttpContext context, AccountId account)
    {
        ApiKey key = context.Caller();
        if (!key.MayActOn(account))
        {
            throw new AccessRefusedException(AccessRefusal.WrongAccount, key.MerchantAccount is AccountId own
                ? $"API key {key.Id} acts for account {own} only, not for {account}."
                : $"API key {key.Id} ({key.Role}) may not act on account {account}.");
        }
    }

    internal static void SetCaller(this HttpContext context, ApiKey key) => context.Items[ItemKey] = key;
}
