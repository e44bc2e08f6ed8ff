using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Postings;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Access;

/// <summary>
/// Who may call the bank: API keys with a role (<see cref="ApiKeyRole"/>), and the credential of each account's holder.
/// Secrets are 256 random bits shown once when issued; the database holds only their SHA-256, checked in constant time
/// (<see cref="AccessSecret"/>). Refusals are <see cref="AccessRefusedException"/>s whose messages never hold a secret.
/// </summary>
public sealed class BankAccess(BankDatabase database)
{
    public const int MaxLabelLength = 100;

    public BankDatabase Database { get; } = database;

    /// <summary>A new key with <paramref name="role"/>; a merchant terminal's is bound to <paramref name="merchantAccount"/>,
    /// which must be a merchant account.</summary>
    /// <exception cref="AccessRefusedException">The account is missing, not a merchant's, or given for another role.</exception>
    public IssuedApiKey IssueKey(ApiKeyRole role, AccountId? merchantAccount = null, string? label = null) =>
        Database.Write(tx => Issue(tx, role, merchantAccount, label, bootstrap: false));

    /// <summary>The operator key a bank starts with: issued on the first start only (null ever after, even if that key is
    /// revoked), so the one who started the bank holds it and nobody else can ask for it.</summary>
    public IssuedApiKey? IssueBootstrapOperatorKey() =>
        Database.Write(tx => AccessStore.AnyBootstrapKey(tx) ? null : Issue(tx, ApiKeyRole.Operator, null, "bootstrap operator", bootstrap: true));

    /// <summary>The key <paramref name="presented"/> is, if it exists, is not revoked and its secret matches.</summary>
    /// <exception cref="AccessRefusedException">Missing, malformed, unknown (or a wrong secret), or revoked.</exception>
    public ApiKey Authenticate(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            throw new AccessRefusedException(AccessRefusal.MissingKey, "no API key was presented.");
        }
        if (!ApiKeyToken.TryParse(presented, out string id, out byte[] secret))
        {
            throw new AccessRefusedException(AccessRefusal.MalformedKey,
                $"the API key is not in the form of one: scc_, 16 hex digits, _ and 64 hex digits ({ApiKeyToken.Length} characters).");
        }
        ApiKeyRow? row = Database.Read(tx => AccessStore.FindKey(tx, id));
        // The hash is compared even when there is no such key, so an unknown ID takes as long as a wrong secret.
        bool matches = AccessSecret.Matches(row?.SecretSha256 ?? UnknownKeyHash, secret);
        if (row is null || !matches)
        {
            throw new AccessRefusedException(AccessRefusal.UnknownKey, $"API key {id} is not one this bank issued.");
        }
        ApiKey key = row.ToKey();
        return key.Revoked
            ? throw new AccessRefusedException(AccessRefusal.RevokedKey, $"API key {id} was revoked at {key.RevokedAt:u}.")
            : key;
    }

    /// <summary>Revokes the key; revoking a revoked key changes nothing and returns it as it is.</summary>
    /// <exception cref="AccessRefusedException">No key has this ID.</exception>
    public ApiKey Revoke(string keyId) => Database.Write(tx =>
    {
        if (!ApiKeyToken.IsId(keyId) || AccessStore.FindKey(tx, keyId) is null)
        {
            throw new AccessRefusedException(AccessRefusal.InvalidKeyRequest, $"there is no API key {keyId} to revoke.");
        }
        AccessStore.Revoke(tx, keyId);
        return AccessStore.FindKey(tx, keyId)!.ToKey();
    });

    public ApiKey? FindKey(string keyId) => Database.Read(tx => AccessStore.FindKey(tx, keyId)?.ToKey());

    /// <summary>Every key, oldest first, without secrets.</summary>
    public IReadOnlyList<ApiKey> Keys() => Database.Read(AccessStore.Keys);

    /// <summary>
    /// Opens a customer or merchant account, with its currency's system accounts if they are not open yet, and issues
    /// its holder's credential: all in one transaction. Opening it again with the same content is a retry: nothing
    /// changes and no credential is given.
    /// </summary>
    /// <exception cref="LedgerRefusedException">An account with this ID exists with other content.</exception>
    public HolderAccountOpening OpenAccount(NewAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Kind is not (AccountKind.Customer or AccountKind.Merchant))
        {
            throw new ArgumentException($"account {account.Id} is {AccountKinds.WithArticle(account.Kind)} account; a holder's account is a customer's or a merchant's.",
                nameof(account));
        }
        return Database.Write(tx =>
        {
            foreach (NewAccount system in BankChart.SystemAccounts(account.Currency))
            {
                BankLedger.Open(tx, system);
            }
            AccountOpening opening = BankLedger.Open(tx, account);
            if (opening.AlreadyOpen)
            {
                return new HolderAccountOpening(opening.Account, AlreadyOpen: true, HolderCredential: null);
            }
            byte[] secret = AccessSecret.New();
            AccessStore.PutCredential(tx, account.Id, AccessSecret.Hash(secret));
            return new HolderAccountOpening(opening.Account, AlreadyOpen: false, HolderCredential.Format(secret));
        });
    }

    /// <summary>A new credential for the holder of <paramref name="account"/>, replacing the old one (lost, or given away).</summary>
    /// <exception cref="LedgerRefusedException">No such customer or merchant account.</exception>
    public string ReissueHolderCredential(AccountId account) => Database.Write(tx =>
    {
        if (LedgerStore.FindAccount(tx, account) is not { Kind: AccountKind.Customer or AccountKind.Merchant })
        {
            throw new LedgerRefusedException(LedgerRefusal.UnknownAccount, $"there is no customer or merchant account {account}.");
        }
        byte[] secret = AccessSecret.New();
        AccessStore.PutCredential(tx, account, AccessSecret.Hash(secret));
        return HolderCredential.Format(secret);
    });

    /// <summary>Checks that <paramref name="credential"/> is the holder's of <paramref name="account"/> (a load calls it
    /// before it authorises anything).</summary>
    /// <exception cref="AccessRefusedException">Missing, malformed, or not this account's (the three are one refusal).</exception>
    public void VerifyHolder(AccountId account, string? credential)
    {
        byte[]? secret = HolderCredential.TryParse(credential);
        string? stored = Database.Read(tx => AccessStore.FindCredentialHash(tx, account));
        bool matches = AccessSecret.Matches(stored ?? UnknownKeyHash, secret ?? new byte[AccessSecret.Bytes]);
        if (secret is null || stored is null || !matches)
        {
            throw new AccessRefusedException(AccessRefusal.BadHolderCredential,
                $"the account holder's credential for {account} is missing or not the one the bank issued.");
        }
    }

    /// <summary>A hash no secret has (it is of no 32 bytes anyone holds): what an unknown key's secret is compared with.</summary>
    private static readonly string UnknownKeyHash = AccessSecret.Hash(AccessSecret.New());

    private static IssuedApiKey Issue(BankTransaction tx, ApiKeyRole role, AccountId? merchantAccount, string? label, bool bootstrap)
    {
        if (!Enum.IsDefined(role))
        {
            throw new ArgumentOutOfRangeException(nameof(role), role, "not a role.");
        }
        if (label is not null && (label.Length is 0 or > MaxLabelLength || label.Any(char.IsControl)))
        {
            throw new ArgumentException($"a key's label is 1 to {MaxLabelLength} characters without control characters.", nameof(label));
        }
        if (role == ApiKeyRole.MerchantTerminal)
        {
            if (merchantAccount is not AccountId account)
            {
                throw new AccessRefusedException(AccessRefusal.InvalidKeyRequest, "a merchant terminal's key needs the merchant account it acts for.");
            }
            if (LedgerStore.FindAccount(tx, account) is not { Kind: AccountKind.Merchant })
            {
                throw new AccessRefusedException(AccessRefusal.InvalidKeyRequest, $"there is no merchant account {account} to bind a merchant terminal's key to.");
            }
        }
        else if (merchantAccount is AccountId account)
        {
            throw new AccessRefusedException(AccessRefusal.InvalidKeyRequest,
                $"only a merchant terminal's key is bound to an account, and this key's role is {role} (account {account} given).");
        }
        byte[] secret = AccessSecret.New();
        var key = new ApiKey(ApiKeyToken.NewId(), role, merchantAccount, label, tx.Now, RevokedAt: null);
        AccessStore.InsertKey(tx, key, AccessSecret.Hash(secret), bootstrap);
        return new IssuedApiKey(key, ApiKeyToken.Format(key.Id, secret));
    }
}
