using System.Runtime.InteropServices;

namespace SmartCardCash.Bench.Payments;

/// <summary>The machine a benchmark ran on, in the words docs/benchmarks.md records: cores, CPU, memory, OS, kernel, .NET.</summary>
public static class MachineDescription
{
    public static string Describe()
    {
        string cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        string memory = ReadField("/proc/meminfo", "MemTotal") is { } total && long.TryParse(total.Split(' ')[0], out long kib)
            ? $"{kib / 1024.0 / 1024.0:0.0} GiB"
            : "unknown";
        string os = ReadField("/etc/os-release", "PRETTY_NAME", '=')?.Trim('"') ?? RuntimeInformation.OSDescription;
        string kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : "unknown";
        return $"{Environment.ProcessorCount} cores ({cpu}), {memory} memory, {os}, Linux {kernel}, {RuntimeInformation.FrameworkDescription}";
    }

    private static string? ReadField(string path, string name, char separator = ':')
    {
        if (!File.Exists(path))
        {
            return null;
        }
        foreach (string line in File.ReadLines(path))
        {
            int at = line.IndexOf(separator, StringComparison.Ordinal);
            if (at > 0 && line[..at].Trim() == name)
            {
                return line[(at + 1)..].Trim();
            }
        }
        return null;
    }
}
