using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SmartCardCash.Cli.Help;

/// <summary>
/// The standard help, followed by a command's epilog (exit codes, environment variables, notes). System.CommandLine
/// 2.0 has no epilog of its own.
/// </summary>
internal sealed class EpilogHelpAction(HelpAction standard, IReadOnlyDictionary<Command, string> epilogs)
    : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        int result = standard.Invoke(parseResult);
        if (epilogs.TryGetValue(parseResult.CommandResult.Command, out string? epilog))
        {
            TextWriter output = parseResult.InvocationConfiguration.Output;
            output.WriteLine(epilog);
            output.WriteLine();
        }
        return result;
    }
}
