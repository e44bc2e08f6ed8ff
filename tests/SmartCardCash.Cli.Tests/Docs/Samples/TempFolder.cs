namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>A fresh folder under the temp directory for one sample's run (its $SCC_HOME, its cards), deleted after.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("scc-docs-sample-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
