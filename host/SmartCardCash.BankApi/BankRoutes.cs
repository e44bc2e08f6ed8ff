namespace SmartCardCash.BankApi;

/// <summary>The service's routes, one place for the service that maps them and the client that calls them.</summary>
public static class BankRoutes
{
    /// <summary>Whether the service runs and reaches its database. No key needed.</summary>
    public const string Health = "/health";

    /// <summary>The OpenAPI document. No key needed.</summary>
    public const string OpenApi = "/openapi/v1.json";

    public const string Accounts = "/v1/accounts";

    public const string CashIn = "/v1/cash-in";

    public const string Audit = "/v1/audit";

    public const string Keys = "/v1/keys";

    /// <summary>The header that carries the key: <c>Authorization: Bearer scc_…</c>.</summary>
    public const string AuthorizationScheme = "Bearer";

    /// <summary>Where the account holder's credential goes on a request that moves their money (a load).</summary>
    public const string HolderCredentialHeader = "X-Holder-Credential";

    /// <summary>The bank's own purses (operator): provision, list, mint.</summary>
    public const string BankPurses = "/v1/bank-purses";

    /// <summary>Loads (terminal): authorise, then the bank purse's APDUs, the state, the end.</summary>
    public const string Loads = "/v1/loads";

    /// <summary>Deposits (merchant terminal): open, then the bank purse's APDUs, the state, the end.</summary>
    public const string Deposits = "/v1/deposits";

    public static string BankPurseMint(string id) => $"{BankPurses}/{Uri.EscapeDataString(id)}/mint";

    public static string Load(string id) => $"{Loads}/{Uri.EscapeDataString(id)}";

    public static string LoadApdu(string id) => $"{Load(id)}/apdu";

    public static string LoadEnd(string id) => $"{Load(id)}/end";

    public static string Deposit(string id) => $"{Deposits}/{Uri.EscapeDataString(id)}";

    public static string DepositApdu(string id) => $"{Deposit(id)}/apdu";

    public static string DepositEnd(string id) => $"{Deposit(id)}/end";

    public static string Account(string id) => $"{Accounts}/{Uri.EscapeDataString(id)}";

    public static string Key(string id) => $"{Keys}/{Uri.EscapeDataString(id)}";
}
