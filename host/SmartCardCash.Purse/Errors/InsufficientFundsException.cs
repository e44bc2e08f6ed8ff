using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9401: the payer's pocket holds less than the payment (START FROM).</summary>
public sealed class InsufficientFundsException : PurseException
{
    public InsufficientFundsException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }

    /// <summary>What the pocket holds, when the host could read it.</summary>
    public Money? Available { get; init; }

    /// <summary>What the payment needs, when known.</summary>
    public Money? Required { get; init; }
}
