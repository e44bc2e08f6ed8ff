namespace SmartCardCash.Purse.Payments;

/// <summary>A signed hotlist that is not the trusted issuer's: another issuer's, or a signature that does not verify.</summary>
public sealed class HotlistSignatureException(string message) : Exception(message);
