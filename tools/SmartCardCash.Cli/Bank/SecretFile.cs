using SmartCardCash.Cli.Errors;
using SmartCardCash.DurableFiles;
using SmartCardCash.LocalData;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// The one-line secrets a bank command sends (an API key, a holder's credential), from a file or the environment. As ssh
/// does with a private key, a file other users may read is refused (local data, exit 7): the secret may be theirs too.
/// A secret that cannot travel in an HTTP header (whitespace or non-ASCII inside) is refused here, never sent.
/// </summary>
internal static class SecretFile
{
    /// <summary>The secret in <paramref name="path"/>, trimmed; <paramref name="option"/> names where it came from,
    /// <paramref name="what"/> what it should hold ("an API key").</summary>
    /// <exception cref="UsageException">No such file, a folder, or not a secret.</exception>
    /// <exception cref="LocalDataException">The file is open to other users.</exception>
    public static string Read(string path, string option, string what)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option}: {path} is a folder, not a file");
        }
        if (!PrivateFiles.FileExists(path))
        {
            throw new UsageException($"{option}: {path} does not exist");
        }
        if (PrivateFiles.IsReadableByOthers(path, out UnixFileMode mode))
        {
            throw new LocalDataException($"{option}: {path} is open to other users (mode {Convert.ToString((int)mode, 8).PadLeft(4, '0')}); " +
                $"make it private with 'chmod 600 {path}'");
        }
        return Checked(File.ReadAllText(path), $"{option}: {path}", what);
    }

    /// <summary><paramref name="text"/> trimmed, if it is one printable ASCII token.</summary>
    /// <exception cref="UsageException">Empty, or whitespace or a non-ASCII character inside.</exception>
    public static string Checked(string text, string source, string what)
    {
        string secret = text.Trim();
        return secret.Length > 0 && secret.All(c => c is > ' ' and <= '~') ? secret
            : throw new UsageException($"{source} does not hold {what} (one word of printable ASCII)");
    }
}
