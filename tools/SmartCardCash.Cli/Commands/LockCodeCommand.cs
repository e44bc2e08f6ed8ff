using System.CommandLine;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Commands;

/// <summary><c>scc lockcode</c>: changes the lock code (CHANGE LOCK CODE verifies the old one first).</summary>
internal sealed class LockCodeCommand
{
    private readonly GlobalOptions _globals;
    private readonly CliContext _context;
    private readonly Option<string?> _card = CardOption.Create();
    private readonly Option<string?> _code = LockCommand.CodeOption();
    private readonly Option<string?> _newCode = new("--new-code")
    {
        Description = $"The new lock code (4 to 8 digits), or - to read it from standard input (after --code's). Default: " +
            $"{LockCodeInput.NewVariable}, else a hidden prompt, asked twice.",
        HelpName = "code",
    };

    public LockCodeCommand(GlobalOptions globals, CliContext context)
    {
        _globals = globals;
        _context = context;
        Command = new Command("lockcode", HelpTexts.LockCodeDescription) { _card, _code, _newCode };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    private int Execute(ParseResult parseResult)
    {
        OutputSettings settings = _globals.Read(parseResult);
        var address = CardOption.Resolve(parseResult.GetValue(_card), _context.GetEnvironmentVariable);
        var input = new LockCodeInput(_context);
        string oldCode = input.Read(parseResult.GetValue(_code), "--code");
        string newCode = input.ReadNew(parseResult.GetValue(_newCode), "--new-code", LockCodeInput.NewVariable);
        if (newCode == oldCode)
        {
            throw new UsageException("the new lock code is the same as the old one; nothing was changed");
        }
        using var logging = CliLogging.Create(settings, _context);
        using PurseConnection card = CardSessions.Open(_context, settings, logging, address);
        PurseFci fci = card.Purse.Select();
        card.Purse.ChangeLockCode(oldCode, newCode);
        PurseStatus status = card.Purse.GetStatus();

        if (settings.Json)
        {
            JsonOutput.WriteDocument(_context.Stdout, new LockJson(card.Name, fci.PurseId?.ToString(), "lockCodeChanged",
                (status.Flags & PurseFlags.Locked) != 0, status.LockCodeTriesRemaining));
        }
        else
        {
            _context.Stdout.WriteLine($"{card.Name}: the lock code is changed ({status.LockCodeTriesRemaining} " +
                $"{(status.LockCodeTriesRemaining == 1 ? "try" : "tries")}).");
        }
        return ExitCodes.Success;
    }
}
