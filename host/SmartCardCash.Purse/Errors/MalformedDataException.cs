using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6A80: the purse found the command data malformed or out of range (a certificate of another issuer, a zero amount, …).</summary>
public sealed class MalformedDataException : PurseException
{
    public MalformedDataException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
