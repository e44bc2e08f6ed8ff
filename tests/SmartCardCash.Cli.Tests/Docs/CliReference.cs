using System.Text;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// docs/cli-reference.md as it must read: every visible command's <c>--help</c>, rendered in-process exactly as scc
/// prints it when its output is not a terminal (no wrapping), under one heading per command.
/// </summary>
internal static class CliReference
{
    public const string RelativePath = "docs/cli-reference.md";

    public static string Render()
    {
        IReadOnlyList<string[]> paths = CliCommandTree.CommandPaths();
        var text = new StringBuilder();
        text.Append("# scc command-line reference\n\n");
        text.Append("<!-- Generated from scc's own --help by tests/SmartCardCash.Cli.Tests/Docs/CliReferenceTests.cs: do not edit by hand. -->\n\n");
        text.Append("Every command's `--help`, exactly as `scc` prints it. This file is generated, and a test fails when it no\n");
        text.Append("longer matches the help; after changing a help text, regenerate it from the repository root with:\n\n");
        text.Append("```sh\n").Append(RepositoryDocs.RegenerateCommand).Append("\n```\n\n");
        text.Append("How the commands fit together, with real output: [the user guide](user-guide.md); the test tools (tearing,\n");
        text.Append("crash points, conformance, emulated cards in pcscd's readers): [the tester's guide](testers-guide.md).\n\n");
        text.Append("## Contents\n\n");
        foreach (string[] path in paths)
        {
            string title = string.Join(' ', path);
            text.Append($"{new string(' ', 2 * (path.Length - 1))}- [{title}](#{title.Replace(' ', '-')})\n");
        }
        foreach (string[] path in paths)
        {
            (int exitCode, string stdout, string stderr) = CliCommandTree.Run([.. path.Skip(1), "--help"]);
            if (exitCode != 0 || stderr.Length > 0)
            {
                throw new InvalidOperationException($"'{string.Join(' ', path)} --help' exited {exitCode}: {stderr}");
            }
            text.Append($"\n## {string.Join(' ', path)}\n\n```text\n");
            foreach (string line in stdout.TrimEnd('\n').Split('\n'))
            {
                // Markdown editors strip trailing spaces; the reference holds the help without them.
                text.Append(line.TrimEnd()).Append('\n');
            }
            text.Append("```\n");
        }
        return text.ToString();
    }
}
