namespace SmartCardCash.LocalData;

/// <summary>
/// Where SmartCardCash keeps its local data: <c>$SCC_HOME</c>, or <c>smartcardcash</c> under the user's local
/// application data (<c>~/.local/share/smartcardcash</c> on Linux). Card images live in <c>cards/</c> (the emulator's
/// <c>CardImageStore.DefaultDirectory</c> is the same folder), the issuer in <c>issuer/</c>.
/// </summary>
public static class SccHome
{
    public const string Variable = "SCC_HOME";

    /// <summary>The home folder, with the environment read through <paramref name="getEnvironmentVariable"/> (injectable for tests).</summary>
    public static string Resolve(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        string? home = getEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(home))
        {
            return Path.GetFullPath(home);
        }
        string data = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData,
            Environment.SpecialFolderOption.DoNotVerify);
        return Path.Combine(data, "smartcardcash");
    }

    public static string CardsDirectory(string home) => Path.Combine(home, "cards");

    public static string IssuerDirectory(string home) => Path.Combine(home, "issuer");
}
