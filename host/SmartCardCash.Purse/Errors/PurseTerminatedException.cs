using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6A81 on SELECT: the purse is terminated, for good.</summary>
public sealed class PurseTerminatedException : PurseException
{
    public PurseTerminatedException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
