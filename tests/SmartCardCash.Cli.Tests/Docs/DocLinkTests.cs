using System.Text;
using System.Text.RegularExpressions;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>Relative links between the docs lead somewhere: the file exists and, for a #fragment, so does the heading.</summary>
[Collection(DocsCollection.Name)]
public sealed partial class DocLinkTests
{
    [Fact]
    public void Every_relative_link_in_the_docs_reaches_a_file_and_heading()
    {
        var problems = new List<string>();
        int links = 0;
        foreach (string file in RepositoryDocs.Files)
        {
            IReadOnlyList<string> prose = FencedBlock.Prose(RepositoryDocs.Read(file));
            for (int i = 0; i < prose.Count; i++)
            {
                foreach (Match link in MarkdownLink().Matches(prose[i]))
                {
                    string target = link.Groups[1].Value;
                    if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                    {
                        continue;
                    }
                    links++;
                    string? problem = Check(file, target);
                    if (problem is not null)
                    {
                        problems.Add($"{file}:{i + 1}: ({target}) {problem}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
        Assert.True(links > 40, $"only {links} relative links found");
    }

    [Fact]
    public void The_readme_links_every_guide()
    {
        string readme = RepositoryDocs.Read("README.md");

        Assert.All(RepositoryDocs.Files.Where(f => f.StartsWith("docs/", StringComparison.Ordinal)),
            guide => Assert.Contains($"]({guide})", readme));
    }

    [Theory]
    [InlineData("Purses: the issuer, cards, balances, logs, the lock code, minting", "purses-the-issuer-cards-balances-logs-the-lock-code-minting")]
    [InlineData("Emulated cards in pcscd's readers", "emulated-cards-in-pcscds-readers")]
    [InlineData("Conformance: `scc conformance`", "conformance-scc-conformance")]
    public void Heading_anchors_are_made_as_GitHub_makes_them(string heading, string anchor)
    {
        Assert.Equal(anchor, Anchor(heading));
    }

    private static string? Check(string file, string target)
    {
        string[] parts = target.Split('#', 2);
        string directory = Path.GetDirectoryName(RepositoryDocs.FullPath(file))!;
        string path = parts[0].Length == 0 ? RepositoryDocs.FullPath(file) : Path.GetFullPath(Path.Combine(directory, parts[0]));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return "no such file";
        }
        if (parts.Length == 2 && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(path).Contains(parts[1]))
        {
            return $"{Path.GetFileName(path)} has no heading with the anchor #{parts[1]}";
        }
        return null;
    }

    private static HashSet<string> Anchors(string path) =>
    [
        .. FencedBlock.Prose(File.ReadAllText(path).ReplaceLineEndings("\n"))
            .Where(l => l.StartsWith('#'))
            .Select(l => Anchor(l.TrimStart('#').Trim())),
    ];

    /// <summary>GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens.</summary>
    private static string Anchor(string heading)
    {
        var anchor = new StringBuilder();
        foreach (char c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                anchor.Append(c);
            }
            else if (c == ' ')
            {
                anchor.Append('-');
            }
        }
        return anchor.ToString();
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex MarkdownLink();
}
