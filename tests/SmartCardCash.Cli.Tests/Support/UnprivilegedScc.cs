using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using SmartCardCash.Integration.Tests.Infrastructure;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// The built scc run as a separate process by a user who is not root (nobody, 65534), for what root cannot show: root
/// reads and writes any file whatever its mode. The test process must be root to drop to that user (with
/// <c>setpriv</c>); scc is copied to a folder that user can read, since the build output may sit under /root.
/// Elsewhere <see cref="UnavailableReason"/> says why, and <see cref="UnprivilegedFactAttribute"/> skips by name.
/// </summary>
internal static class UnprivilegedScc
{
    public const int UserId = 65534;

    private static readonly Lazy<(string? Folder, string? Reason)> Installed = new(Install);

    /// <summary>Why scc cannot be run as another user here, or null when it can.</summary>
    public static string? UnavailableReason => Installed.Value.Reason;

    /// <summary>Runs <c>scc ARGS</c> as <see cref="UserId"/> with SCC_HOME set to <paramref name="home"/>.</summary>
    public static CliResult Run(string home, params string[] args)
    {
        string folder = Installed.Value.Folder ?? throw new InvalidOperationException(UnavailableReason);
        return Start(folder, home, args);
    }

    /// <summary>Gives <paramref name="path"/> and everything in it to <see cref="UserId"/> (as <c>sudo</c> would not).</summary>
    public static void GiveTo(string path) => Command("chown", "-R", $"{UserId}:{UserId}", path);

    private static (string?, string?) Install()
    {
        if (!OperatingSystem.IsLinux())
        {
            return (null, "file permissions are checked on Linux only");
        }
        if (!Environment.IsPrivilegedProcess)
        {
            return (null, "the tests must run as root to start scc as another user");
        }
        if (!File.Exists("/usr/bin/setpriv"))
        {
            return (null, "setpriv (util-linux) is not installed");
        }
        string folder = Path.Combine(Path.GetTempPath(), "scc-unprivileged-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
        foreach (string file in SccFiles())
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, file), Path.Combine(folder, file));
        }
        Command("chmod", "-R", "a+rX", folder);
        CliResult probe = Start(folder, folder, ["--version"]);
        return probe.ExitCode == 0
            ? (folder, null)
            : (null, $"scc does not start as user {UserId} (exit {probe.ExitCode}: {probe.Stderr.Trim()})");
    }

    /// <summary>scc.dll, its runtime files, and every assembly its deps.json names.</summary>
    private static IEnumerable<string> SccFiles()
    {
        string[] own = ["scc.dll", "scc.deps.json", "scc.runtimeconfig.json"];
        using JsonDocument deps = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "scc.deps.json")));
        List<string> assemblies = [.. deps.RootElement.GetProperty("targets").EnumerateObject()
            .SelectMany(target => target.Value.EnumerateObject())
            .Where(library => library.Value.TryGetProperty("runtime", out _))
            .SelectMany(library => library.Value.GetProperty("runtime").EnumerateObject())
            .Select(asset => Path.GetFileName(asset.Name))];
        return own.Concat(assemblies).Distinct();
    }

    private static CliResult Start(string folder, string home, IEnumerable<string> args)
    {
        Dictionary<string, string> environment = new(SccProcess.InHome(home))
        {
            // dotnet wants a home of its own; nobody's (/nonexistent) is not one.
            ["HOME"] = Path.GetTempPath(),
            ["DOTNET_CLI_HOME"] = Path.GetTempPath(),
            ["DOTNET_NOLOGO"] = "1",
        };
        string[] asUser = ["setpriv", $"--reuid={UserId}", $"--regid={UserId}", "--clear-groups", "--"];
        ProcessStartInfo start = SccProcess.StartInfo(environment, args, folder, asUser);
        start.WorkingDirectory = folder;
        using var scc = new SccProcess(start);
        SccResult result = scc.WaitForExit();
        return new CliResult(result.ExitCode, Lines(result.Stdout), Lines(result.Stderr));
    }

    private static string Lines(IEnumerable<string> lines) => string.Concat(lines.Select(line => line + "\n"));

    private static void Command(string name, params string[] args)
    {
        using Process process = Process.Start(name, args) ?? throw new InvalidOperationException($"could not start {name}");
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, string.Create(CultureInfo.InvariantCulture,
            $"{name} {string.Join(' ', args)} exited {process.ExitCode}"));
    }
}
