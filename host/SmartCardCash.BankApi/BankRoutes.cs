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

    /// <summary>Terminal journals cleared (terminal, merchant terminal).</summary>
    public const string Clearing = "/v1/clearing";

    /// <summary>A purse's signed exception log archived; the answer carries the clear authorisation (terminal).</summary>
    public const string Exceptions = "/v1/exceptions";

    /// <summary>The current issuer-signed hotlist (terminals); POST: an operator reports a purse.</summary>
    public const string Hotlist = "/v1/hotlist";

    /// <summary>Every hotlisted purse with its evidence (operator).</summary>
    public const string HotlistEntries = "/v1/hotlist/entries";

    public const string Purses = "/v1/purses";

    /// <summary>Open maybe-lost and owed payments (operator).</summary>
    public const string LostPayments = "/v1/lost-payments";

    public static string HotlistVersion(long version) => $"{Hotlist}/{version.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The account that loaded a hotlisted purse (operator: anonymity revocation).</summary>
    public static string PurseHolder(string purse) => $"{Purses}/{Uri.EscapeDataString(purse)}/holder";

    public static string RefundOwed(string payer) => $"{LostPayments}/{Uri.EscapeDataString(payer)}/refund";
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

    public static string DepositReset(string id) => $"{Deposit(id)}/reset";

    public static string Account(string id) => $"{Accounts}/{Uri.EscapeDataString(id)}";

    /// <summary>A new holder's credential for an account, replacing the old one (operator).</summary>
    public static string HolderCredential(string account) => $"{Account(account)}/holder-credential";

    public static string Key(string id) => $"{Keys}/{Uri.EscapeDataString(id)}";
}
