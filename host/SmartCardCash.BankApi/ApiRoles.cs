namespace SmartCardCash.BankApi;

/// <summary>The roles of API keys as the API names them.</summary>
public static class ApiRoles
{
    /// <summary>The bank's staff: accounts, cash-in, the audit, keys.</summary>
    public const string Operator = "operator";

    /// <summary>A cardholder's terminal: loads, exception uploads, the hotlist.</summary>
    public const string Terminal = "terminal";

    /// <summary>A merchant's terminal, bound to one merchant account: deposits into it.</summary>
    public const string MerchantTerminal = "merchant-terminal";

    public static IReadOnlyList<string> All { get; } = [Operator, Terminal, MerchantTerminal];

    /// <summary>The role with its article, for a sentence: "an operator", "a terminal", "a merchant-terminal".</summary>
    public static string WithArticle(string role)
    {
        ArgumentException.ThrowIfNullOrEmpty(role);
        return ("aeiou".Contains(char.ToLowerInvariant(role[0]), StringComparison.Ordinal) ? "an " : "a ") + role;
    }
}
