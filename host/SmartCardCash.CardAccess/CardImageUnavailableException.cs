using SmartCardCash.LocalData;

namespace SmartCardCash.CardAccess;

/// <summary>An emulated card's image is in use by another process, damaged, unreadable or cannot be written: <see cref="Problem"/> says which.</summary>
public sealed class CardImageUnavailableException(string cardName, CardImageProblem problem, string message,
    Exception? innerException = null) : LocalDataException(message, innerException)
{
    public string CardName { get; } = cardName;

    public CardImageProblem Problem { get; } = problem;
}
