namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>
/// One part of the expected response data, matched in order. Exactly one of: <see cref="Hex"/> (exact bytes, may
/// contain templates); <see cref="Capture"/> with <see cref="Length"/> (take that many bytes into a variable; with
/// <see cref="Check"/> "publicKey" they must be a valid P-256 public key); <see cref="Signature"/> (a <c>9E L sig</c>
/// element whose signature must verify).
/// </summary>
public sealed class ExpectedPart
{
    public string? Hex { get; init; }

    public string? Capture { get; init; }

    public int? Length { get; init; }

    public string? Check { get; init; }

    public SignatureCheck? Signature { get; init; }

    public const string PublicKeyCheck = "publicKey";
}
