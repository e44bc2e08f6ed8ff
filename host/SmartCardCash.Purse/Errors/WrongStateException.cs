using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6985: the purse's lifecycle or transfer state does not allow the command, the payment details do not match, or the issuer counter is not the purse's.</summary>
public sealed class WrongStateException : PurseException
{
    public WrongStateException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
