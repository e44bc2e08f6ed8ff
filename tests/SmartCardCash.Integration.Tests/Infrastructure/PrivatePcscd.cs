using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// A pcscd of the tests' own: its socket in a private folder, its reader.conf giving the two vpcd readers ports of
/// their own, so the suites never disturb (or depend on) a pcscd the machine may already run with real readers.
/// </summary>
/// <remarks>
/// pcscd 1.9 always creates its socket at /run/pcscd/pcscd.comm, so it runs in a private mount namespace
/// (<c>unshare -m</c>) where a folder of ours is bind-mounted over /run/pcscd. Clients reach it through the
/// PCSCLITE_CSOCK_NAME environment variable, which libpcsclite reads once per process: <see cref="SocketPath"/> is
/// therefore fixed for the whole test process, and restarts reuse it.
/// </remarks>
public sealed class PrivatePcscd : IDisposable
{
    private const string PcscdPath = "/usr/sbin/pcscd";
    private const string VpcdDriverPath = "/usr/lib/pcsc/drivers/serial/libifdvpcd.so";

    private static readonly Lazy<string?> UnavailableReason = new(FindUnavailableReason);
    private readonly object _gate = new();
    private Process? _process;

    public PrivatePcscd()
    {
        Directory = Path.Combine(Path.GetTempPath(), $"scc-pcscd-{Environment.ProcessId}");
        RunDirectory = Path.Combine(Directory, "run");
        ConfigDirectory = Path.Combine(Directory, "conf");
        System.IO.Directory.CreateDirectory(RunDirectory);
        System.IO.Directory.CreateDirectory(ConfigDirectory);
        VpcdPort = FindFreePortPair();
        File.WriteAllText(Path.Combine(ConfigDirectory, "vpcd"),
            $"FRIENDLYNAME \"Virtual PCD\"\nDEVICENAME   /dev/null:0x{VpcdPort:X4}\nLIBPATH      {VpcdDriverPath}\nCHANNELID    0x{VpcdPort:X4}\n");
    }

    /// <summary>Why the private pcscd cannot run here, or null when it can.</summary>
    public static string? Unavailable => UnavailableReason.Value;

    public string Directory { get; }

    public string RunDirectory { get; }

    public string ConfigDirectory { get; }

    public string SocketPath => Path.Combine(RunDirectory, "pcscd.comm");

    /// <summary>vpcd's port for "Virtual PCD 00 00"; "Virtual PCD 00 01" listens on the next port.</summary>
    public int VpcdPort { get; }

    public bool IsRunning
    {
        get
        {
            lock (_gate)
            {
                return _process is { HasExited: false };
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            if (_process is { HasExited: false })
            {
                return;
            }
            File.Delete(SocketPath);
            var start = new ProcessStartInfo("unshare")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in new[]
                     {
                         "-m", "sh", "-c",
                         $"mount --bind '{RunDirectory}' /run/pcscd && exec {PcscdPath} --foreground --config '{ConfigDirectory}'",
                     })
            {
                start.ArgumentList.Add(argument);
            }
            System.IO.Directory.CreateDirectory("/run/pcscd");
            _process = Process.Start(start) ?? throw new InvalidOperationException("could not start pcscd");
            // Drain its log so a full pipe never blocks it.
            _process.OutputDataReceived += (_, _) => { };
            _process.ErrorDataReceived += (_, _) => { };
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }
        WaitUntil(() => File.Exists(SocketPath) && IsListening(VpcdPort), TimeSpan.FromSeconds(15),
            "the private pcscd did not come up");
    }

    public void Stop()
    {
        Process? process;
        lock (_gate)
        {
            process = _process;
            _process = null;
        }
        if (process is null)
        {
            return;
        }
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        process.Dispose();
        WaitUntil(() => !IsListening(VpcdPort), TimeSpan.FromSeconds(10), "vpcd's port stayed open after pcscd stopped");
    }

    public void Restart()
    {
        Stop();
        Start();
    }

    public void Dispose()
    {
        Stop();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A socket file left behind by a killed daemon is harmless in /tmp.
        }
    }

    internal static void WaitUntil(Func<bool> condition, TimeSpan timeout, string failure)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{failure} within {timeout.TotalSeconds:0} s");
            }
            Thread.Sleep(50);
        }
    }

    /// <summary>Reads the kernel's socket table instead of connecting, which vpcd would take for a card.</summary>
    internal static bool IsListening(int port)
    {
        string hexPort = port.ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        foreach (string table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (string line in File.ReadLines(table).Skip(1))
            {
                string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // fields[1] is local "address:port", fields[3] the state; 0A is LISTEN.
                if (fields.Length > 3 && fields[3] == "0A" && fields[1].EndsWith(":" + hexPort, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static int FindFreePortPair()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            // Both ports below Linux's ephemeral range (32768-60999), so the kernel never hands either out to an
            // outgoing connection meanwhile (a port checked free and released stays free for its real user).
            int port = Random.Shared.Next(20_000, 32_767) & ~1;
            if (IsFree(port) && IsFree(port + 1))
            {
                return port;
            }
        }
        throw new InvalidOperationException("no free pair of TCP ports for vpcd");
    }

    private static bool IsFree(int port)
    {
        try
        {
            var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static string? FindUnavailableReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the private pcscd runs on Linux only";
        }
        if (!File.Exists(PcscdPath))
        {
            return "pcscd is not installed (apt-get install pcscd)";
        }
        if (!File.Exists(VpcdDriverPath))
        {
            return "vsmartcard-vpcd is not installed (apt-get install vsmartcard-vpcd)";
        }
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("unshare", "-m true")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (probe is null || !probe.WaitForExit(10_000) || probe.ExitCode != 0)
            {
                return "a private mount namespace is not allowed here (unshare -m needs root)";
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unshare is not installed";
        }
        return null;
    }
}
