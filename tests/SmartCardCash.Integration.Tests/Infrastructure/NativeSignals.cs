using System.Runtime.InteropServices;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>Sends Unix signals to a child process, as Ctrl+C in a terminal would (.NET can only kill).</summary>
internal static partial class NativeSignals
{
    private const int SigInt = 2;
    private const int SigTerm = 15;

    /// <summary>
    /// SIGINT, unless this process ignores it: a child inherits an ignored SIGINT (as under a shell's background
    /// job), and .NET keeps it ignored, so then SIGTERM, which scc handles the same way, stands in.
    /// </summary>
    public static void Interrupt(int processId)
    {
        if (kill(processId, SigIntIgnored() ? SigTerm : SigInt) != 0)
        {
            throw new InvalidOperationException($"kill({processId}) failed");
        }
    }

    public static void Terminate(int processId)
    {
        if (kill(processId, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({processId}) failed");
        }
    }

    private static bool SigIntIgnored()
    {
        string? line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null &&
               (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int kill(int pid, int signal);
}
