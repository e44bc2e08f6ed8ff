using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>6A88 on START FROM or START TO: no counterparty certificate with that purse ID was verified in this session.</summary>
public sealed class NoVerifiedPeerException : PurseException
{
    public NoVerifiedPeerException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }
}
