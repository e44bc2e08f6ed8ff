using System.CommandLine;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Logging;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc lock</c> and <c>scc unlock</c>: set or clear the purse's locked flag with its lock code. A locked purse can
/// still be read and can still receive; it cannot pay.
/// </summary>
internal sealed class LockCommand
{
    private readonly GlobalOptions _globals;
    private readonly CliContext _context;
    private readonly bool _lock;
    private readonly Option<string?> _card = CardOption.Create();
    private readonly Option<string?> _code = CodeOption();

    public LockCommand(GlobalOptions globals, CliContext context, bool lockPurse)
    {
        _globals = globals;
        _context = context;
        _lock = lockPurse;
        Command = new Command(lockPurse ? "lock" : "unlock", lockPurse ? HelpTexts.LockDescription : HelpTexts.UnlockDescription)
        {
            _card, _code,
        };
        Command.SetAction(Execute);
    }

    public Command Command { get; }

    /// <summary>--code: the lock code, or "-" to read it from standard input.</summary>
    public static Option<string?> CodeOption() => new("--code")
    {
        Description = $"The lock code (4 to 8 digits), or - to read it from standard input. Default: {LockCodeInput.Variable}, " +
            "else a hidden prompt when standard input is a terminal. The code is never echoed.",
        HelpName = "code",
    };

    private int Execute(ParseResult parseResult)
    {
        OutputSettings settings = _globals.Read(parseResult);
        var address = CardOption.Resolve(parseResult.GetValue(_card), _context.GetEnvironmentVariable);
        string code = new LockCodeInput(_context).Read(parseResult.GetValue(_code), "--code");
        using var logging = CliLogging.Create(settings, _context);
        using PurseConnection card = CardSessions.Open(_context, settings, logging, address);
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

        if (settings.Json)
        {
            JsonOutput.WriteDocument(_context.Stdout, new LockJson(card.Name, fci.PurseId?.ToString(),
                _lock ? "locked" : "unlocked", locked, status.LockCodeTriesRemaining));
        }
        else
        {
            _context.Stdout.WriteLine(_lock
                ? $"{card.Name} is locked: it can receive and be read, but pays nothing until 'scc unlock'."
                : $"{card.Name} is unlocked: it can pay again.");
        }
        return ExitCodes.Success;
    }
}
