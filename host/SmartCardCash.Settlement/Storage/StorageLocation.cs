using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SmartCardCash.Settlement.Storage;

/// <summary>
/// Where the bank's database is: <see cref="Parse"/> reads what the operator gave (<c>--db</c>). A <c>postgres://</c>
/// or <c>postgresql://</c> URL or a connection string with <c>Host=</c> is PostgreSQL; anything else is the path of a
/// SQLite file. <see cref="Server"/> names it for messages and never holds a password.
/// </summary>
public sealed record StorageLocation(StorageProvider Provider, string ConnectionString, string Server)
{
    /// <summary>libpq's URL parameters that Npgsql spells differently.</summary>
    private static readonly Dictionary<string, string> UrlParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
    };

    /// <exception cref="FormatException">The text is neither a usable PostgreSQL URL or connection string nor a path.</exception>
    public static StorageLocation Parse(string target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            throw new FormatException("the database is empty: give a SQLite file path, a postgres:// URL or a Host=… connection string.");
        }
        if (target.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) ||
            target.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUrl(target));
        }
        return HasHostKey(target) ? Postgres(FromConnectionString(target)) : Sqlite(target);
    }

    public static StorageLocation Sqlite(string path)
    {
        string fullPath = Path.GetFullPath(path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            DefaultTimeout = 30,
        };
        return new StorageLocation(StorageProvider.Sqlite, builder.ConnectionString, $"SQLite file {fullPath}");
    }

    private static StorageLocation Postgres(NpgsqlConnectionStringBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Host))
        {
            throw new FormatException("the PostgreSQL connection names no host.");
        }
        string database = string.IsNullOrEmpty(builder.Database) ? "(the user's default)" : builder.Database;
        return new StorageLocation(StorageProvider.Postgres, builder.ConnectionString,
            $"PostgreSQL at {builder.Host}:{builder.Port}, database {database}");
    }

    private static bool HasHostKey(string target)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = target };
            return builder.ContainsKey("Host") || builder.ContainsKey("Server");
        }
        catch (ArgumentException)
        {
            return false; // not a connection string at all: a path
        }
    }

    private static NpgsqlConnectionStringBuilder FromConnectionString(string text)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(text);
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"the PostgreSQL connection string is not valid: {e.Message}", e);
        }
    }

    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out Uri? uri) || uri.Host.Length == 0)
        {
            throw new FormatException($"'{Redacted(url)}' is not a valid postgres:// URL (postgres://USER:PASSWORD@HOST:PORT/DATABASE).");
        }
        var builder = new NpgsqlConnectionStringBuilder { Host = uri.Host.Trim('[', ']') };
        if (!uri.IsDefaultPort && uri.Port > 0)
        {
            builder.Port = uri.Port;
        }
        string[] user = uri.UserInfo.Split(':', 2);
        if (user[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(user[0]);
        }
        if (user.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(user[1]);
        }
        string database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }
        foreach (string pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(parts[0]);
            try
            {
                builder[UrlParameters.GetValueOrDefault(key, key)] = parts.Length == 2 ? Uri.UnescapeDataString(parts[1]) : "";
            }
            catch (Exception e) when (e is ArgumentException or FormatException)
            {
                throw new FormatException($"the postgres:// URL's parameter '{key}' is not one PostgreSQL connections take: {e.Message}", e);
            }
        }
        return builder;
    }

    /// <summary>
    /// The URL with any password replaced, for messages: everything from the user name's colon to the LAST '@' (a password
    /// may hold '@', a host never does; an '@' later in the URL hides more, never less), and a <c>password=</c> parameter.
    /// </summary>
    private static string Redacted(string url)
    {
        int start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        int at = url.LastIndexOf('@');
        int colon = start >= 3 && at > start ? url.IndexOf(':', start, at - start) : -1;
        string text = colon >= 0 ? url[..(colon + 1)] + "***" + url[at..] : url;
        return System.Text.RegularExpressions.Regex.Replace(text, "([?&]password=)[^&#]*", "$1***",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant,
            TimeSpan.FromSeconds(1));
    }
}
