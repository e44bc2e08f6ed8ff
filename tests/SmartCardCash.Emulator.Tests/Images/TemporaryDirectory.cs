namespace SmartCardCash.Emulator.Tests.Images;

/// <summary>A fresh directory under the system temp folder, deleted on dispose.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "scc-emulator-tests-" + Guid.NewGuid().ToString("N"));
    }

    public string Path { get; }

    /// <summary>Where card images go (created by the store itself, so its mode can be checked).</summary>
    public string Cards => System.IO.Path.Combine(Path, "cards");

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
