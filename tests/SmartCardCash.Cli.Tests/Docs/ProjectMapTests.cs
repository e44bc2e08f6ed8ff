using System.Xml.Linq;

namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// The maps in host/README.md and emulator/README.md ("which project depends on which") say exactly what the project
/// files reference, and name every project in their folder, so the map cannot drift from the build.
/// </summary>
public sealed class ProjectMapTests
{
    private const string MapHeading = "## Which project depends on which";

    [Theory]
    [InlineData("host")]
    [InlineData("emulator")]
    public void The_folders_map_names_each_project_and_exactly_the_projects_it_references(string folder)
    {
        IReadOnlyDictionary<string, SortedSet<string>> map = ReadMap($"{folder}/README.md");
        string[] projects =
        [
            .. Directory.GetFiles(RepositoryDocs.FullPath(folder), "*.csproj", SearchOption.AllDirectories)
                .Select(p => Path.GetFileNameWithoutExtension(p)).Order(StringComparer.Ordinal),
        ];

        Assert.Equal(projects, map.Keys.Order(StringComparer.Ordinal));
        Assert.All(projects, project => Assert.True(
            References(folder, project).SetEquals(map[project]),
            $"{folder}/README.md says {project} → {string.Join(", ", map[project])}, but its project file references " +
            $"{string.Join(", ", References(folder, project))}"));
    }

    [Fact]
    public void No_host_project_references_the_cli_or_another_tool()
    {
        foreach (string project in Directory.GetFiles(RepositoryDocs.FullPath("host"), "*.csproj", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain(ProjectReferences(project), r => r.StartsWith("SmartCardCash.Cli", StringComparison.Ordinal)
                || r.StartsWith("SmartCardCash.Bench", StringComparison.Ordinal));
        }
    }

    /// <summary>The map: each line that starts with a project name, then what follows its arrow, on that line and on the indented ones after it.</summary>
    private static Dictionary<string, SortedSet<string>> ReadMap(string readme)
    {
        string markdown = RepositoryDocs.Read(readme);
        int heading = markdown.IndexOf(MapHeading, StringComparison.Ordinal);
        Assert.True(heading >= 0, $"{readme} has no '{MapHeading}' section");
        FencedBlock block = FencedBlock.All(readme, markdown[heading..]).First();

        var map = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        SortedSet<string>? current = null;
        foreach (string line in block.Lines)
        {
            if (line.StartsWith("SmartCardCash.", StringComparison.Ordinal))
            {
                current = map[line.Split(' ', 2)[0]] = new SortedSet<string>(StringComparer.Ordinal);
                int arrow = line.IndexOf('→', StringComparison.Ordinal);
                Assert.True(arrow > 0, $"{readme}: '{line}' has no → before what it depends on");
                AddNames(current, line[(arrow + 1)..]);
            }
            else if (current is not null && line.Trim().Length > 0)
            {
                AddNames(current, line);
            }
        }
        return map;
    }

    /// <summary>Adds the projects a list names: "Iso7816", "host/SmartCardCash.Iso7816" and "SmartCardCash.Iso7816" are one.</summary>
    private static void AddNames(SortedSet<string> names, string list)
    {
        foreach (string item in list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (item == "(nothing)")
            {
                continue;
            }
            string name = item.Split('/')[^1];
            names.Add(name.StartsWith("SmartCardCash.", StringComparison.Ordinal) ? name : "SmartCardCash." + name);
        }
    }

    private static SortedSet<string> References(string folder, string project) =>
        ProjectReferences(Directory.GetFiles(RepositoryDocs.FullPath(folder), project + ".csproj", SearchOption.AllDirectories).Single());

    private static SortedSet<string> ProjectReferences(string projectFile) =>
        new(XDocument.Load(projectFile).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/').Split('/')[^1])),
            StringComparer.Ordinal);
}
