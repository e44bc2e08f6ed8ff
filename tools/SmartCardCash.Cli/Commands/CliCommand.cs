using System.CommandLine;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// A command with one action, which runs in a <see cref="CommandRun"/>: the command gives its name, help, options and
/// what it does, and nothing of how every command starts.
/// </summary>
internal abstract class CliCommand
{
    protected CliCommand(GlobalOptions globals, CliContext context, string name, string description)
    {
        Context = context;
        Command = new Command(name, description);
        Command.SetAction(CommandRun.Action(globals, context, Execute));
    }

    public Command Command { get; }

    protected CliContext Context { get; }

    protected abstract int Execute(CommandRun run);

    /// <summary>Adds the command's own options, in the order its help lists them.</summary>
    protected void Add(params Option[] options)
    {
        foreach (Option option in options)
        {
            Command.Options.Add(option);
        }
    }

    /// <summary>Adds the command's argument (after its options in the usage line, as System.CommandLine writes it).</summary>
    protected void Add(Argument argument) => Command.Arguments.Add(argument);
}
