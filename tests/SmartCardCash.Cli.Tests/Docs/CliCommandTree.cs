using System.CommandLine;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// scc's real command tree, built as <see cref="CliApplication"/> builds it, for rendering help and parsing example
/// command lines without running them. Nothing here touches PC/SC, a card or $SCC_HOME.
/// </summary>
internal static class CliCommandTree
{
    /// <summary>A context whose output goes to the given writers and which sees no environment at all.</summary>
    public static CliContext Context(TextWriter stdout, TextWriter stderr) =>
        new(stdout, stderr) { GetEnvironmentVariable = _ => null };

    public static Command Build() => CliApplication.BuildRoot(new GlobalOptions(), Context(TextWriter.Null, TextWriter.Null));

    /// <summary>Every visible command as the words that name it ("scc", "scc card", "scc card new", …), depth first.</summary>
    public static IReadOnlyList<string[]> CommandPaths()
    {
        var paths = new List<string[]>();
        Walk(Build(), [], paths);
        return paths;
    }

    public static ParseResult Parse(IReadOnlyList<string> args) => Build().Parse(args);

    /// <summary>Runs scc in-process (what the parse-error examples print; a line that parses is never run here).</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(IReadOnlyList<string> args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        int exitCode = CliApplication.Run([.. args], Context(stdout, stderr));
        return (exitCode, stdout.ToString(), stderr.ToString());
    }

    private static void Walk(Command command, string[] parent, List<string[]> paths)
    {
        string[] path = [.. parent, command.Name];
        paths.Add(path);
        foreach (Command sub in command.Subcommands.Where(c => !c.Hidden))
        {
            Walk(sub, path, paths);
        }
    }
}
