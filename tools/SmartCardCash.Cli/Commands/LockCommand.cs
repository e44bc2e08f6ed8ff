using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc lock</c> and <c>scc unlock</c>: set or clear the purse's locked flag with its lock code. A locked purse can
/// still be read and can still receive; it cannot pay.
/// </summary>
internal sealed class LockCommand : PurseCommand
{
    private readonly bool _lock;
    private readonly Option<string?> _code = CodeOption();

    public LockCommand(GlobalOptions globals, CliContext context, bool lockPurse)
        : base(globals, context, lockPurse ? "lock" : "unlock", lockPurse ? HelpTexts.LockDescription : HelpTexts.UnlockDescription)
    {
        _lock = lockPurse;
        Add(_code);
    }

    /// <summary>--code: the lock code, or "-" to read it from standard input.</summary>
    public static Option<string?> CodeOption() => new("--code")
    {
        Description = $"The lock code (4 to 8 digits), or - to read it from standard input. Default: {LockCodeInput.Variable}, " +
            "else a hidden prompt when standard input is a terminal. The code is never echoed.",
        HelpName = "code",
    };

    protected override int Execute(CommandRun run)
    {
        CardAddress address = ResolveCard(run);
        string code = new LockCodeInput(Context).Read(run.Get(_code), "--code");
        using PurseConnection card = run.OpenPurse(address);
        PurseFci fci = card.Purse.Select();
        if (_lock)
        {
            card.Purse.Lock(code);
        }
        else
        {
            card.Purse.Unlock(code);
        }
        PurseStatus status = card.Purse.GetStatus();
        bool locked = (status.Flags & PurseFlags.Locked) != 0;

        run.Write(new LockJson(card.Name, fci.PurseId?.ToString(), _lock ? "locked" : "unlocked", locked, status.LockCodeTriesRemaining),
            () => Context.Stdout.WriteLine(_lock
                ? $"{card.Name} is locked: it can receive and be read, but pays nothing until 'scc unlock'."
                : $"{card.Name} is unlocked: it can pay again."));
        return ExitCodes.Success;
    }
}
