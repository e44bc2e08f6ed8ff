using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Purse.Errors;

/// <summary>
/// The purse answered a command with an error status word. <see cref="Exception.Message"/> says what it means for
/// that command in plain words; <see cref="CardStatusException.StatusWord"/> and <see cref="Command"/> say exactly
/// what happened. Derived types name the cases a host acts on (insufficient funds, wrong lock code, …).
/// </summary>
public class PurseException : CardStatusException
{
    public PurseException(PurseCommand command, StatusWord statusWord, string message) : base(statusWord, message)
    {
        Command = command;
    }

    /// <summary>The command the purse refused.</summary>
    public PurseCommand Command { get; }
}
