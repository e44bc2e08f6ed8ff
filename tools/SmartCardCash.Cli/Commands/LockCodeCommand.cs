using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc lockcode</c>: changes the lock code (CHANGE LOCK CODE verifies the old one first).</summary>
internal sealed class LockCodeCommand : PurseCommand
{
    private readonly Option<string?> _code = LockCommand.CodeOption();
    private readonly Option<string?> _newCode = new("--new-code")
    {
        Description = $"The new lock code (4 to 8 digits), or - to read it from standard input (after --code's). Default: " +
            $"{LockCodeInput.NewVariable}, else a hidden prompt, asked twice.",
        HelpName = "code",
    };

    public LockCodeCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "lockcode", HelpTexts.LockCodeDescription)
    {
        Add(_code, _newCode);
    }

    protected override int Execute(CommandRun run)
    {
        CardAddress address = ResolveCard(run);
        var input = new LockCodeInput(Context);
        string oldCode = input.Read(run.Get(_code), "--code");
        string newCode = input.ReadNew(run.Get(_newCode), "--new-code", LockCodeInput.NewVariable);
        if (newCode == oldCode)
        {
            throw new UsageException("the new lock code is the same as the old one; nothing was changed");
        }
        using PurseConnection card = run.OpenPurse(address);
        PurseFci fci = card.Purse.Select();
        card.Purse.ChangeLockCode(oldCode, newCode);
        PurseStatus status = card.Purse.GetStatus();

        run.Write(new LockJson(card.Name, fci.PurseId?.ToString(), "lockCodeChanged", (status.Flags & PurseFlags.Locked) != 0,
            status.LockCodeTriesRemaining), () => Context.Stdout.WriteLine($"{card.Name}: the lock code is changed " +
            $"({status.LockCodeTriesRemaining} {(status.LockCodeTriesRemaining == 1 ? "try" : "tries")})."));
        return ExitCodes.Success;
    }
}
