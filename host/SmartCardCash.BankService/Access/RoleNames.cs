using SmartCardCash.BankApi;
using SmartCardCash.Settlement.Access;

namespace SmartCardCash.BankService.Access;

/// <summary>The API's names of <see cref="ApiKeyRole"/>s (<see cref="ApiRoles"/>).</summary>
public static class RoleNames
{
    public static string Of(ApiKeyRole role) => role switch
    {
        ApiKeyRole.Operator => ApiRoles.Operator,
        ApiKeyRole.Terminal => ApiRoles.Terminal,
        ApiKeyRole.MerchantTerminal => ApiRoles.MerchantTerminal,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "not a role."),
    };

    public static ApiKeyRole? Parse(string? name) => name switch
    {
        ApiRoles.Operator => ApiKeyRole.Operator,
        ApiRoles.Terminal => ApiKeyRole.Terminal,
        ApiRoles.MerchantTerminal => ApiKeyRole.MerchantTerminal,
        _ => null,
    };
}
