using System.Diagnostics;
using SmartCardCash.Integration.Tests.Infrastructure;

namespace SmartCardCash.Bench.Payments;

/// <summary>
/// The pcscd the payment benchmark goes through: a private one (as the integration tests start it: its own socket and
/// vpcd ports, in a mount namespace, so it needs root), or the machine's own pcscd with Debian's vpcd readers on 35963
/// and 35964. <see cref="Description"/> says which.
/// </summary>
public sealed class BenchPcscd : IDisposable
{
    public const string SystemSocket = "/run/pcscd/pcscd.comm";
    public const int DebianVpcdPort = 35963;

    private readonly PrivatePcscd? _private;

    private BenchPcscd(string description, int vpcdPort, PrivatePcscd? privatePcscd)
    {
        Description = description;
        VpcdPort = vpcdPort;
        _private = privatePcscd;
    }

    public string Description { get; }

    /// <summary>vpcd's port for "Virtual PCD 00 00"; "Virtual PCD 00 01" is the next.</summary>
    public int VpcdPort { get; }

    /// <summary>
    /// <paramref name="mode"/> "private", "system", or "auto": private where it can run (root, unshare), else the system
    /// pcscd if it runs with vpcd. Sets PCSCLITE_CSOCK_NAME for a private one: call before any other PC/SC use.
    /// </summary>
    /// <exception cref="InvalidOperationException">The pcscd asked for cannot be used here; the message says why.</exception>
    public static BenchPcscd Open(string mode)
    {
        string? systemProblem = SystemProblem();
        string? privateProblem = PrivatePcscd.Unavailable;
        bool usePrivate = mode switch
        {
            "private" => privateProblem is null ? true : throw new InvalidOperationException($"no private pcscd: {privateProblem}"),
            "system" => systemProblem is null ? false : throw new InvalidOperationException($"no system pcscd with vpcd: {systemProblem}"),
            "auto" when privateProblem is null => true,
            "auto" when systemProblem is null => false,
            "auto" => throw new InvalidOperationException(
                $"no pcscd to measure through: a private one cannot run ({privateProblem}), and the system's cannot be used ({systemProblem})"),
            _ => throw new ArgumentException($"--pcscd is private, system or auto, not '{mode}'", nameof(mode)),
        };
        if (!usePrivate)
        {
            string socket = Environment.GetEnvironmentVariable("PCSCLITE_CSOCK_NAME") ?? SystemSocket;
            return new BenchPcscd($"the system pcscd (socket {socket}) with Debian's vpcd on ports {DebianVpcdPort} and {DebianVpcdPort + 1}",
                DebianVpcdPort, null);
        }
        var pcscd = new PrivatePcscd();
        try
        {
            NativeEnvironment.Set("PCSCLITE_CSOCK_NAME", pcscd.SocketPath);
            pcscd.Start();
        }
        catch
        {
            pcscd.Dispose();
            throw;
        }
        return new BenchPcscd(
            $"a private pcscd (pcscd --foreground in a mount namespace, socket {pcscd.SocketPath}, vpcd on ports {pcscd.VpcdPort} and {pcscd.VpcdPort + 1})",
            pcscd.VpcdPort, pcscd);
    }

    /// <summary>"pcsc-lite version 1.9.9", "3.3-1": what is installed, for the report.</summary>
    public static string Versions()
    {
        string pcscd = FirstLine("/usr/sbin/pcscd", "--version") ?? "pcscd (version unknown)";
        string? vpcd = FirstLine("dpkg-query", "-W", "-f=${Version}", "vsmartcard-vpcd");
        return vpcd is null ? pcscd : $"{pcscd}, vsmartcard-vpcd {vpcd}";
    }

    public void Dispose() => _private?.Dispose();

    private static string? SystemProblem()
    {
        string socket = Environment.GetEnvironmentVariable("PCSCLITE_CSOCK_NAME") ?? SystemSocket;
        if (!File.Exists(socket))
        {
            return $"no pcscd socket at {socket}";
        }
        if (!PrivatePcscd.IsListening(DebianVpcdPort) || !PrivatePcscd.IsListening(DebianVpcdPort + 1))
        {
            return $"vpcd is not listening on ports {DebianVpcdPort} and {DebianVpcdPort + 1} (apt-get install vsmartcard-vpcd, restart pcscd)";
        }
        return null;
    }

    private static string? FirstLine(string program, params string[] arguments)
    {
        try
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }
            using Process? process = Process.Start(start);
            if (process is null)
            {
                return null;
            }
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit(5_000);
            string line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "";
            return process.ExitCode == 0 && line.Length > 0 ? line.TrimEnd('.') : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
