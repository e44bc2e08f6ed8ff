namespace SmartCardCash.Cli.Errors;

/// <summary>
/// The names a mistyped word was most likely meant to be: those fewest edits away (a swap of two neighbouring letters
/// counts as one), allowing one edit in a word of up to 4 letters and two in a longer one; failing that, the names the
/// word begins (from 3 letters on). Case is ignored, and so are the dashes of an option; a single letter gets no suggestion.
/// </summary>
internal static class TypoSuggestions
{
    private const int MaxSuggestions = 3;

    public static IReadOnlyList<string> For(string word, IEnumerable<string> names)
    {
        string typed = Bare(word);
        if (typed.Length < 2)
        {
            return [];
        }
        var candidates = names.Distinct(StringComparer.Ordinal).ToList();
        int allowed = typed.Length <= 4 ? 1 : 2;
        var near = candidates
            .Select(name => (Name: name, Distance: Distance(typed, Bare(name))))
            .Where(c => c.Distance <= allowed)
            .ToList();
        if (near.Count > 0)
        {
            int best = near.Min(c => c.Distance);
            return [.. near.Where(c => c.Distance == best).Select(c => c.Name).Order(StringComparer.Ordinal).Take(MaxSuggestions)];
        }
        return typed.Length < 3
            ? []
            : [.. candidates.Where(name => Bare(name).StartsWith(typed, StringComparison.Ordinal)).Order(StringComparer.Ordinal).Take(MaxSuggestions)];
    }

    /// <summary>"'lock' or 'log'".</summary>
    public static string Phrase(IReadOnlyList<string> names) => names.Count switch
    {
        0 => string.Empty,
        1 => $"'{names[0]}'",
        _ => string.Join(", ", names.Take(names.Count - 1).Select(n => $"'{n}'")) + $" or '{names[^1]}'",
    };

    private static string Bare(string word) => word.TrimStart('-').ToLowerInvariant();

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length];
    }
}
