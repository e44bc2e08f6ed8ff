namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>How to run vectors: the card's interface, and the cryptography used to sign derived certificates and check signatures.</summary>
public sealed record RunnerOptions
{
    public CardInterfaceKind Interface { get; init; } = CardInterfaceKind.Contact;

    public IPurseCrypto Crypto { get; init; } = P256.Shared;
}
