namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>Finds files of the repository (the spec, the vectors) from the test's output directory.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    public static string SpecPath => Path("applet-spec", "purse-applet.md");

    public static string VectorsPath => Path("applet-spec", "vectors", "purse-v1.json");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SmartCardCash.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException($"no SmartCardCash.sln above {AppContext.BaseDirectory}");
    }
}
