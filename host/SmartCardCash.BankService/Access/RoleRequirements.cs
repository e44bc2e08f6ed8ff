using Microsoft.AspNetCore.Builder;
using SmartCardCash.Settlement.Access;

namespace SmartCardCash.BankService.Access;

/// <summary><c>group.RequireRoles(ApiKeyRole.Operator)</c>: every endpoint of the group needs a key with one of these roles.</summary>
public static class RoleRequirements
{
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params ApiKeyRole[] roles) where TBuilder : IEndpointConventionBuilder
    {
        ArgumentOutOfRangeException.ThrowIfZero(roles.Length);
        return builder.WithMetadata(new RequiredRoles(roles.ToHashSet()));
    }
}
