using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;

namespace SmartCardCash.Cli;

/// <summary>
/// The whole of <c>scc</c> as a function: arguments and writers in, exit code out. <see cref="Program"/> runs it on
/// the real console; tests run it in-process with PC/SC faked.
/// </summary>
internal static class CliApplication
{
    public const string Name = "scc";

    public static int Run(string[] args, CliContext context)
    {
        var globals = new GlobalOptions();
        Command root = BuildRoot(globals, context);
        ParseResult parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            return ParseErrorReporter.Report(parseResult, context.Stderr);
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Stdout,
            Error = context.Stderr,
            // Errors are ours to report (one line, exit code by kind), and so are signals (see Program).
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        };
        try
        {
            return parseResult.Invoke(configuration);
        }
        catch (Exception e)
        {
            return ErrorReporter.Report(e, context.Stderr, parseResult.GetValue(globals.Verbose),
                context.Interrupt.IsCancellationRequested);
        }
    }

    /// <summary>A plain Command named scc, not RootCommand, whose name and version would come from the test host in-process.</summary>
    internal static Command BuildRoot(GlobalOptions globals, CliContext context)
    {
        var root = new Command(Name, HelpTexts.RootDescription);
        var help = new HelpOption();
        root.Options.Add(help);
        root.Options.Add(new Option<bool>("--version") { Description = "Show scc's version.", Action = new VersionAction() });
        foreach (Option option in globals.All)
        {
            root.Options.Add(option);
        }

        var readers = new ReadersCommand(globals, context).Command;
        var monitor = new MonitorCommand(globals, context).Command;
        var apdu = new ApduCommand(globals, context).Command;
        root.Subcommands.Add(readers);
        root.Subcommands.Add(monitor);
        root.Subcommands.Add(apdu);

        var issuer = new IssuerCommand(globals, context).Command;
        var card = new CardCommand(globals, context).Command;
        var info = new InfoCommand(globals, context).Command;
        var balance = new BalanceCommand(globals, context).Command;
        var log = new LogCommand(globals, context).Command;
        var lockPurse = new LockCommand(globals, context, lockPurse: true).Command;
        var unlockPurse = new LockCommand(globals, context, lockPurse: false).Command;
        var lockCode = new LockCodeCommand(globals, context).Command;
        var mint = new MintCommand(globals, context).Command;
        foreach (Command command in new[] { issuer, card, info, balance, log, lockPurse, unlockPurse, lockCode, mint })
        {
            root.Subcommands.Add(command);
        }

        var emulator = new EmulatorCommand(globals, context);
        var conformance = new ConformanceCommand(globals, context).Command;
        root.Subcommands.Add(emulator.Command);
        root.Subcommands.Add(conformance);
        var payments = new PaymentCommands(globals, context);
        foreach (Command command in payments.All)
        {
            root.Subcommands.Add(command);
        }
        var bank = new Bank.BankCommand(globals, context);
        root.Subcommands.Add(bank.Command);
        root.Subcommands.Add(new Command("hotlist", Bank.BankArchiveHelpTexts.HotlistDescription) { new Bank.HotlistFetchCommand(globals, context).Command });
        root.Subcommands.Add(bank.Load);
        root.Subcommands.Add(bank.Deposit);

        var epilogs = new Dictionary<Command, string>
        {
            [root] = HelpTexts.RootEpilog,
            [monitor] = HelpTexts.MonitorEpilog,
            [apdu] = HelpTexts.ApduEpilog,
            [card.Subcommands.Single(c => c.Name == "new")] = HelpTexts.CardNewEpilog,
            [log] = HelpTexts.LogEpilog,
            [lockPurse] = HelpTexts.LockCodeEpilog,
            [unlockPurse] = HelpTexts.LockCodeEpilog,
            [lockCode] = HelpTexts.LockCodeEpilog,
            [mint] = HelpTexts.MintEpilog,
            [emulator.Attach] = EmulatorCommand.AttachEpilog,
            [conformance] = ConformanceCommand.Epilog,
            [bank.Command] = Bank.BankHelpTexts.BankEpilog,
            [bank.Serve] = Bank.BankHelpTexts.ServeEpilog,
            [bank.Exceptions] = Bank.BankArchiveHelpTexts.ExceptionsEpilog,
            [bank.Load] = Bank.BankPaymentHelpTexts.LoadEpilog,
            [bank.Deposit] = Bank.BankPaymentHelpTexts.DepositEpilog,
        };
        foreach ((Command command, string epilog) in payments.Epilogs)
        {
            epilogs[command] = epilog;
        }
        help.Action = new EpilogHelpAction((HelpAction)help.Action!, epilogs);
        return root;
    }
}
