using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6A88 on GET DATA: the object is not loaded yet (the purse is not personalised).</summary>
public sealed class DataNotLoadedException : PurseException
{
    public DataNotLoadedException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
