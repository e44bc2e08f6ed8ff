using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Errors;

/// <summary>63Cx: the lock code did not match; <see cref="TriesLeft"/> more wrong codes are allowed before it blocks.</summary>
public sealed class WrongLockCodeException : PurseException
{
    public WrongLockCodeException(PurseCommand command, StatusWord statusWord)
        : base(command, statusWord, Describe(statusWord.RetriesLeft ?? 0))
    {
        TriesLeft = statusWord.RetriesLeft ?? 0;
    }

    public int TriesLeft { get; }

    private static string Describe(int triesLeft) => triesLeft switch
    {
        0 => "wrong lock code, no tries left: the lock code is now blocked and only the issuer can reset it",
        1 => "wrong lock code, 1 try left",
        _ => $"wrong lock code, {triesLeft} tries left",
    };
}
