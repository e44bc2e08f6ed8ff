using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9405: these purse classes may not pay each other (spec 6.4), or MINT into a purse that is not a bank purse.</summary>
public sealed class ClassesMayNotTransferException : PurseException
{
    public ClassesMayNotTransferException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
