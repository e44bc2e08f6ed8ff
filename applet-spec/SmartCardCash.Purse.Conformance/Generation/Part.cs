using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>Expected response parts, for the scenarios.</summary>
internal static class Part
{
    /// <summary>The variable the card's GENERATE KEY PAIR response is captured into.</summary>
    public const string CardPublicKey = "cardPublicKey";

    public static ExpectedPart Bytes(ReadOnlySpan<byte> bytes) => new() { Hex = Hex.Encode(bytes) };

    public static ExpectedPart Bytes(string hex) => new() { Hex = Hex.Encode(Hex.Decode(hex)) };

    /// <summary>Hex with <c>{name}</c> templates, kept as written.</summary>
    public static ExpectedPart Template(string template) => new() { Hex = template };

    public static ExpectedPart CapturePublicKey(string name) => new() { Capture = name, Length = PurseConstants.PublicKeyLength, Check = ExpectedPart.PublicKeyCheck };

    /// <summary><c>9E L sig</c> by the card under test over <paramref name="message"/>.</summary>
    public static ExpectedPart CardSignature(ReadOnlySpan<byte> message, string? capture = null) =>
        new() { Signature = new SignatureCheck("{" + CardPublicKey + "}", Hex.Encode(message), capture) };
}
