using System.CommandLine;
using SmartCardCash.Cli.Help;

namespace SmartCardCash.Cli.Commands;

/// <summary>The payment commands (pay, receive, recover, demo) and their help epilogs, for <see cref="CliApplication"/>.</summary>
internal sealed class PaymentCommands(GlobalOptions globals, CliContext context)
{
    public Command Pay { get; } = new PayCommand(globals, context).Command;

    public Command Receive { get; } = new ReceiveCommand(globals, context).Command;

    public Command Recover { get; } = new RecoverCommand(globals, context).Command;

    public Command Demo { get; } = new DemoCommand(globals, context).Command;

    public IEnumerable<Command> All => [Demo, Pay, Receive, Recover];

    public IEnumerable<(Command Command, string Epilog)> Epilogs =>
        [(Pay, HelpTexts.PayEpilog), (Receive, HelpTexts.ReceiveEpilog), (Recover, HelpTexts.RecoverEpilog), (Demo, HelpTexts.DemoEpilog)];
}
