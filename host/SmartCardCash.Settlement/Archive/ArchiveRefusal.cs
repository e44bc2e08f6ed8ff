namespace SmartCardCash.Settlement.Archive;

/// <summary>Why the archive refused an upload. A refused upload stores and posts nothing, and gets no clear authorisation.</summary>
public enum ArchiveRefusal
{
    /// <summary>The purse's certificate is another issuer's, badly signed, invalid, or not the one registered.</summary>
    CertificateRefused,

    /// <summary>A record's signature does not verify under the purse's certified key.</summary>
    SignatureInvalid,

    /// <summary>Records out of index order, too many, or a record that is not this purse's (a 01 whose payer or a 02
    /// whose payee is another purse, details not well formed, an unknown currency).</summary>
    Malformed,
}
