using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SmartCardCash.Settlement.Testing;

/// <summary>
/// A PostgreSQL server of the tests' own: <c>initdb</c> into a temporary folder, then <c>pg_ctl start</c> listening on
/// 127.0.0.1 at a free port with its socket in that folder, stopped and deleted on <see cref="Dispose"/>. PostgreSQL
/// refuses to run as root, so as root both run as the <c>postgres</c> user (or <c>nobody</c>) through setpriv. It never
/// touches a server the machine may run. fsync is off: the cluster is thrown away, and the tests prove the ledger's
/// logic, not the server's durability.
/// </summary>
public sealed class PrivatePostgres : IDisposable
{
    public const string Superuser = "scc";

    private static readonly Lazy<string?> BinDirectory = new(FindBinDirectory);
    private static readonly Lazy<string?> UnavailableReason = new(FindUnavailableReason);
    private readonly (int Uid, int Gid)? _runAs;
    private bool _running;

    public PrivatePostgres()
    {
        if (Unavailable is string reason)
        {
            throw PostgresRequirement.Unmet(reason); // only reached when the PostgreSQL tests are not skipped
        }
        _runAs = Environment.UserName == "root" ? (NonRootUser("postgres") ?? NonRootUser("nobody")) : null;
        Directory = Path.Combine(Path.GetTempPath(), $"scc-postgres-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        System.IO.Directory.CreateDirectory(Directory);
        if (_runAs is (int uid, int gid))
        {
            Run("chown", [$"{uid}:{gid}", Directory], asServerUser: false);
        }
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        Run(Tool("initdb"), ["-D", DataDirectory, "-U", Superuser, "--auth=trust", "-E", "UTF8", "--no-locale", "--no-sync"]);
        Port = FindFreePort();
        Start();
    }

    /// <summary>Why a private server cannot run here, or null when it can.</summary>
    public static string? Unavailable => UnavailableReason.Value;

    public string Directory { get; }

    public string DataDirectory => Path.Combine(Directory, "data");

    public int Port { get; }

    /// <summary>A connection string to <paramref name="database"/> on this server, as the superuser.</summary>
    public string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = Port, Username = Superuser, Database = database }.ConnectionString;

    /// <summary>To the postgres database without pooling: a pooled connection would not survive a <see cref="Stop"/>.</summary>
    private string AdminConnectionString => ConnectionString("postgres") + ";Pooling=false";

    public void Start()
    {
        string options = $"-k {Directory} -p {Port} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off " +
            "-c full_page_writes=off -c max_connections=200";
        Run(Tool("pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(Directory, "server.log"), "-w", "-t", "60", "-o", options, "start"]);
        _running = true;
    }

    public void Stop()
    {
        if (_running)
        {
            Run(Tool("pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"]);
            _running = false;
        }
    }

    /// <summary>A new, empty database; its name.</summary>
    public string CreateDatabase()
    {
        string name = "bank_" + Guid.NewGuid().ToString("N")[..16];
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return name;
    }

    public void DropDatabase(string name)
    {
        using var connection = new NpgsqlConnection(AdminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            Stop();
        }
        finally
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }

    private static string Tool(string name) => Path.Combine(BinDirectory.Value!, name);

    private void Run(string fileName, string[] arguments, bool asServerUser = true)
    {
        var start = new ProcessStartInfo(asServerUser && _runAs is not null ? "setpriv" : fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asServerUser && _runAs is (int uid, int gid))
        {
            foreach (string part in new[] { $"--reuid={uid}", $"--regid={gid}", "--clear-groups", "--", fileName })
            {
                start.ArgumentList.Add(part);
            }
        }
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using Process process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(fileName)} did not finish within 120 s");
        }
        if (process.ExitCode != 0)
        {
            string log = Path.Combine(Directory, "server.log");
            throw new InvalidOperationException($"{Path.GetFileName(fileName)} {string.Join(' ', arguments)} exited {process.ExitCode}: " +
                $"{output.Result}{error.Result}{(File.Exists(log) ? File.ReadAllText(log) : "")}");
        }
    }

    /// <summary>The uid and gid of <paramref name="user"/> from /etc/passwd, if it exists and is not root.</summary>
    private static (int Uid, int Gid)? NonRootUser(string user)
    {
        foreach (string line in File.ReadLines("/etc/passwd"))
        {
            string[] fields = line.Split(':');
            if (fields.Length > 3 && fields[0] == user && fields[2] != "0")
            {
                return (int.Parse(fields[2], CultureInfo.InvariantCulture), int.Parse(fields[3], CultureInfo.InvariantCulture));
            }
        }
        return null;
    }

    /// <summary>initdb and pg_ctl on the PATH, else Debian's /usr/lib/postgresql/VERSION/bin, the newest.</summary>
    private static string? FindBinDirectory()
    {
        IEnumerable<string> path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> debian = System.IO.Directory.Exists("/usr/lib/postgresql")
            ? System.IO.Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out int version) ? version : 0)
                .Select(d => Path.Combine(d, "bin"))
            : [];
        return path.Concat(debian).FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    private static string? FindUnavailableReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the private PostgreSQL server runs on Linux only";
        }
        if (BinDirectory.Value is null)
        {
            return "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql; ./scripts/test.sh does it as root)";
        }
        if (Environment.UserName == "root" && NonRootUser("postgres") is null && NonRootUser("nobody") is null)
        {
            return "running as root, and there is neither a postgres nor a nobody user to run the server as";
        }
        return null;
    }

    private static int FindFreePort()
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            // Below Linux's ephemeral range, so no outgoing connection takes it meanwhile.
            int port = Random.Shared.Next(20_000, 32_767);
            try
            {
                var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                listener.Stop();
                return port;
            }
            catch (SocketException)
            {
                // taken: try another
            }
        }
        throw new InvalidOperationException("no free TCP port for the private PostgreSQL server");
    }
}
