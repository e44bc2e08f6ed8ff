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

    /// <summary>The process's streams, PC/SC, environment and clock: the same <see cref="CommandRun.Context"/> every run has.</summary>
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

    /// <summary>Adds the command's argument (its help lists arguments apart from options, so the order between them is free).</summary>
    protected void Add(Argument argument) => Command.Arguments.Add(argument);
}
