using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6982 on START FROM over the contactless interface above the contactless limit: the lock code must be verified first.</summary>
public sealed class LockCodeRequiredException : PurseException
{
    public LockCodeRequiredException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
