using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6A82 on SELECT: the card has no SmartCardCash purse application.</summary>
public sealed class PurseNotFoundException : PurseException
{
    public PurseNotFoundException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
