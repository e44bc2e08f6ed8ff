using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>9402: the payee's pocket would exceed its maximum balance (START TO, MINT).</summary>
public sealed class BalanceLimitException : PurseException
{
    public BalanceLimitException(PurseCommand command, StatusWord statusWord, string message) : base(command, statusWord, message)
    {
    }

    /// <summary>What the pocket holds now, when the host could read it.</summary>
    public Money? Balance { get; init; }

    /// <summary>The pocket's maximum balance, when the host could read it.</summary>
    public Money? Maximum { get; init; }
}
