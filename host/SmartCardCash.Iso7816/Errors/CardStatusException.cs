namespace SmartCardCash.Iso7816.Errors;

/// <summary>The card answered, but with a status word other than 9000.</summary>
public class CardStatusException : SmartCardException
{
    public CardStatusException(StatusWord statusWord)
        : this(statusWord, $"the card answered {statusWord.ToDisplayString()}")
    {
    }

    public CardStatusException(StatusWord statusWord, string message) : base(message)
    {
        StatusWord = statusWord;
    }

    public StatusWord StatusWord { get; }
}
