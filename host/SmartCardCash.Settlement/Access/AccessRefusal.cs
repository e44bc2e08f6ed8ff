namespace SmartCardCash.Settlement.Access;

/// <summary>Why the bank refused a caller. Nothing of a refused request is written.</summary>
public enum AccessRefusal
{
    /// <summary>No key was presented.</summary>
    MissingKey,

    /// <summary>The text presented is not an API key's form (<c>scc_</c>, 16 hex digits, <c>_</c>, 64 hex digits).</summary>
    MalformedKey,

    /// <summary>No key has this ID, or its secret is not this one (the two are not told apart).</summary>
    UnknownKey,

    /// <summary>The key was revoked.</summary>
    RevokedKey,

    /// <summary>The key's role does not allow the request.</summary>
    WrongRole,

    /// <summary>The key is bound to another account than the one the request names.</summary>
    WrongAccount,

    /// <summary>The account holder's credential is missing, malformed or not this account's.</summary>
    BadHolderCredential,

    /// <summary>A key to issue or revoke does not fit: a merchant terminal's key needs a merchant account, no other
    /// role takes one; or the key to revoke does not exist.</summary>
    InvalidKeyRequest,
}
