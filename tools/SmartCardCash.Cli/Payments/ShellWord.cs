namespace SmartCardCash.Cli.Payments;

/// <summary>
/// Card addresses as a POSIX shell reads them, so the "next step" commands scc prints can be pasted as they are:
/// <c>pcsc:Virtual PCD 00 00</c> must reach scc as one argument.
/// </summary>
internal static class ShellWord
{
    public static string Quote(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        bool plain = word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./:@%+=,".Contains(c));
        return plain ? word : "'" + word.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }
}
