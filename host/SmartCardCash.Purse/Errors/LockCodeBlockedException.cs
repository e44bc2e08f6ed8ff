using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6983: no lock-code tries are left; only the issuer's RESET LOCK CODE helps.</summary>
public sealed class LockCodeBlockedException : PurseException
{
    public LockCodeBlockedException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
