using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9404: this purse, or the counterparty, has no pocket in that currency (START, MINT, PUT DATA limits).</summary>
public sealed class CurrencyNotHeldException : PurseException
{
    public CurrencyNotHeldException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
