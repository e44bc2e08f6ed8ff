namespace SmartCardCash.Settlement.Access;

/// <summary>What an API key may do. A key has exactly one role; a merchant terminal's key is also bound to one
/// merchant account (<see cref="ApiKey.MerchantAccount"/>).</summary>
public enum ApiKeyRole
{
    /// <summary>The bank's staff: accounts, cash-in, the audit, issuing and revoking keys.</summary>
    Operator,

    /// <summary>A cardholder's terminal: loads, exception uploads, the hotlist.</summary>
    Terminal,

    /// <summary>A merchant's terminal: deposits into its own merchant account, and nothing of any other account.</summary>
    MerchantTerminal,
}
