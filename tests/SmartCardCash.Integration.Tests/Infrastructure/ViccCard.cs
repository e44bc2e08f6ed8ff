using System.Diagnostics;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// vsmartcard's own virtual card, <c>vicc</c> (Debian: vsmartcard-vpicc, python3-virtualsmartcard,
/// python3-pycryptodome), connected to a vpcd slot as a third-party client: the card another program already put in a
/// reader. Disposing it kills vicc, which takes its card out.
/// </summary>
/// <remarks>
/// Debian 12's package installs its Python modules where Debian's Python does not look
/// (/usr/lib/python3/site-packages/virtualsmartcard), and vicc imports PyCryptodome as <c>Crypto</c> while Debian ships
/// it as <c>Cryptodome</c>; the start puts both on vicc's path (the latter through a symbolic link in a folder of its
/// own) instead of changing the system.
/// </remarks>
public sealed class ViccCard : IDisposable
{
    private const string ViccPath = "/usr/bin/vicc";
    private const string SystemPython = "/usr/bin/python3";
    private static readonly string[] ModuleFolders = ["/usr/lib/python3/site-packages/virtualsmartcard", "/usr/lib/python3/dist-packages"];
    private const string Cryptodome = "/usr/lib/python3/dist-packages/Cryptodome";

    private static readonly Lazy<(string? PythonPath, string? Unavailable)> Setup = new(FindSetup);
    private readonly Process _process;

    private ViccCard(Process process)
    {
        _process = process;
    }

    /// <summary>Why vicc cannot run here, or null when it can.</summary>
    public static string? Unavailable => Setup.Value.Unavailable;

    /// <summary>Starts vicc (an ISO 7816 card) connecting to vpcd on 127.0.0.1:<paramref name="port"/>.</summary>
    public static ViccCard Start(int port)
    {
        string pythonPath = Setup.Value.PythonPath
            ?? throw new InvalidOperationException($"vicc cannot run here: {Setup.Value.Unavailable}");
        var start = new ProcessStartInfo(ViccPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "--type", "iso7816", "--hostname", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PYTHONPATH"] = pythonPath;
        Process process = Process.Start(start) ?? throw new InvalidOperationException("could not start vicc");
        // Drain its output so a full pipe never blocks it.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new ViccCard(process);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        _process.Dispose();
    }

    private static (string? PythonPath, string? Unavailable) FindSetup()
    {
        if (!File.Exists(ViccPath))
        {
            return (null, "vicc is not installed (apt-get install vsmartcard-vpicc python3-virtualsmartcard python3-pycryptodome)");
        }
        string? modules = ModuleFolders.FirstOrDefault(folder => File.Exists(Path.Combine(folder, "virtualsmartcard", "VirtualSmartcard.py")));
        if (modules is null)
        {
            return (null, "vicc's Python modules are not installed (apt-get install python3-virtualsmartcard)");
        }
        var path = new List<string> { modules };
        if (Directory.Exists(Cryptodome))
        {
            string shim = Path.Combine(Path.GetTempPath(), $"scc-vicc-{Environment.ProcessId}");
            Directory.CreateDirectory(shim);
            string link = Path.Combine(shim, "Crypto");
            if (!Directory.Exists(link))
            {
                Directory.CreateSymbolicLink(link, Cryptodome);
            }
            path.Add(shim);
        }
        string pythonPath = string.Join(':', path);
        var probe = new ProcessStartInfo(SystemPython)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[] { "-c", "import virtualsmartcard.VirtualSmartcard" })
        {
            probe.ArgumentList.Add(argument);
        }
        probe.Environment["PYTHONPATH"] = pythonPath;
        using Process? check = Process.Start(probe);
        if (check is null || !check.WaitForExit(30_000) || check.ExitCode != 0)
        {
            string error = check?.StandardError.ReadToEnd().Trim().Split('\n')[^1] ?? "did not start";
            return (null, $"vicc's Python modules do not load ({error}); apt-get install python3-pycryptodome");
        }
        return (pythonPath, null);
    }
}
