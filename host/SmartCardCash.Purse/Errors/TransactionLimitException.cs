using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9403: the value is above the pocket's transaction limit (START FROM, START TO).</summary>
public sealed class TransactionLimitException : PurseException
{
    public TransactionLimitException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }

    /// <summary>The pocket's transaction limit, when the host could read it.</summary>
    public Money? Limit { get; init; }
}
