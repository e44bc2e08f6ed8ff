namespace SmartCardCash.Purse.Tests.Support;

/// <summary>A fresh folder under /tmp, deleted with everything in it when disposed.</summary>
internal sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scc-purse-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A card still open in a failed test keeps a lock file; the folder is in /tmp either way.
        }
    }
}
