namespace SmartCardCash.CardAccess;

/// <summary>
/// Finds the reader a text names: the reader with exactly that name, else the one whose name is that text in another
/// case, else the one reader whose name contains it (any case). Null when none does.
/// </summary>
public static class ReaderMatch
{
    /// <exception cref="CardNotFoundException">The text is part of more than one reader's name.</exception>
    public static string? Find(IReadOnlyList<string> readers, string text)
    {
        ArgumentNullException.ThrowIfNull(readers);
        ArgumentNullException.ThrowIfNull(text);
        if (readers.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }
        var sameName = readers.Where(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameName.Count == 1)
        {
            return sameName[0];
        }
        var partial = readers.Where(r => r.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        return partial.Count switch
        {
            0 => null,
            1 => partial[0],
            _ => throw new CardNotFoundException(
                $"'{text}' matches {partial.Count} readers: {Quote(partial)}; give more of the name", partial),
        };
    }

    internal static string Quote(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));
}
