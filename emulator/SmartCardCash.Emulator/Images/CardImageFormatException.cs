namespace SmartCardCash.Emulator.Images;

/// <summary>A card image file is corrupt, truncated, of an unknown format version, or not a card image at all.</summary>
public sealed class CardImageFormatException : IOException
{
    public CardImageFormatException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
