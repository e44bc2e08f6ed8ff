namespace SmartCardCash.Settlement.Clearing;

/// <summary>Why clearing refused a journal record.</summary>
public enum ClearingRefusal
{
    /// <summary>Not a journal record, or payment details that are not well formed (from = to, value 0, an unknown currency).</summary>
    Malformed,

    /// <summary>The bank holds no certificate of the payer, and the record brought none.</summary>
    UnknownPurse,

    /// <summary>The payer's certificate is another issuer's, badly signed, invalid, or not the one registered.</summary>
    CertificateRefused,

    /// <summary>The val (or the ack) does not verify under the signer's certified key.</summary>
    SignatureInvalid,
}
