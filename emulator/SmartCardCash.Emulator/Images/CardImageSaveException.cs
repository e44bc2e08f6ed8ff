using SmartCardCash.LocalData;

namespace SmartCardCash.Emulator.Images;

/// <summary>
/// A card's image could not be written (a folder that cannot be written, a full disk). The command whose change it was
/// gets no answer, and nothing more is saved from this opening of the card, so the image stays as it was after the
/// last command that was answered (see <see cref="StoredCard.SaveFailure"/>).
/// </summary>
public sealed class CardImageSaveException : IOException
{
    public CardImageSaveException(string cardName, string imagePath, Exception innerException)
        : base($"the image of card '{cardName}' cannot be saved in {System.IO.Path.GetDirectoryName(imagePath)} " +
            $"({FileProblem.Describe(innerException)})", innerException)
    {
        CardName = cardName;
        ImagePath = imagePath;
    }

    public string CardName { get; }

    public string ImagePath { get; }
}
