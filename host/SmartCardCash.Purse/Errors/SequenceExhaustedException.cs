using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9407: the purse has used all its sequence numbers and must be replaced.</summary>
public sealed class SequenceExhaustedException : PurseException
{
    public SequenceExhaustedException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
