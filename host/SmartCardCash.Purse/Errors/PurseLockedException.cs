using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6982 on START FROM while the purse is locked: it can receive but not pay until unlocked with its lock code.</summary>
public sealed class PurseLockedException : PurseException
{
    public PurseLockedException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
