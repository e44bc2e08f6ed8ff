namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>
/// Expects <c>9E L ‖ signature</c> (L from 8 to 72) where the signature is a DER ECDSA-SHA256 signature of
/// <see cref="Message"/> under <see cref="Key"/> (a 65-byte public key); both hex, templates allowed. With
/// <see cref="Capture"/>, the whole element (<c>9E L ‖ signature</c>) is kept in that variable.
/// </summary>
public sealed record SignatureCheck(string Key, string Message, string? Capture = null);
