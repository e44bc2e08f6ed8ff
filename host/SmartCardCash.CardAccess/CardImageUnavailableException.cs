using SmartCardCash.LocalData;

namespace SmartCardCash.CardAccess;

/// <summary>An emulated card's image is corrupt, unreadable or locked by another process.</summary>
public sealed class CardImageUnavailableException(string cardName, string message, Exception? innerException = null)
    : LocalDataException(message, innerException)
{
    public string CardName { get; } = cardName;
}
