using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6A84: the exception log has no free record, so the purse starts no transfer until the issuer clears it.</summary>
public sealed class ExceptionLogFullException : PurseException
{
    public ExceptionLogFullException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
