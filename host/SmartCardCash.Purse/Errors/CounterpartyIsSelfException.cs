using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9408: the certificate presented as the counterparty's is this purse's own.</summary>
public sealed class CounterpartyIsSelfException : PurseException
{
    public CounterpartyIsSelfException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
