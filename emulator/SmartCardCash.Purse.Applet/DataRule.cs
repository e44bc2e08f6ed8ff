namespace SmartCardCash.Purse.Applet;

/// <summary>Whether a command carries data; a mismatch is answered 6700 (spec 5.0).</summary>
internal enum DataRule
{
    None,
    Required,
    Optional,
    /// <summary>ACTIVATE: none from PERSONALISATION, an issuer authorisation from BLOCKED.</summary>
    NoneWhilePersonalising,
}
