namespace SmartCardCash.Cli.Readers;

/// <summary>
/// Readers to leave out of every command: those whose name contains (case-insensitively) one of the colon-separated
/// fragments of SCC_IGNORE_READERS, or of PCSCLITE_FILTER_IGNORE_READER_NAMES, which pcsc-lite's own daemon honours.
/// </summary>
internal sealed class ReaderFilter
{
    public const string IgnoreVariable = "SCC_IGNORE_READERS";
    public const string PcscLiteIgnoreVariable = "PCSCLITE_FILTER_IGNORE_READER_NAMES";

    public static readonly ReaderFilter None = new([], []);

    private ReaderFilter(IReadOnlyList<string> fragments, IReadOnlyList<string> sources)
    {
        Fragments = fragments;
        Sources = sources;
    }

    public IReadOnlyList<string> Fragments { get; }

    /// <summary>The variables the fragments came from, to name them in messages.</summary>
    public IReadOnlyList<string> Sources { get; }

    public static ReaderFilter FromEnvironment(Func<string, string?> getEnvironmentVariable)
    {
        var fragments = new List<string>();
        var sources = new List<string>();
        foreach (string variable in new[] { IgnoreVariable, PcscLiteIgnoreVariable })
        {
            string[] parts = (getEnvironmentVariable(variable) ?? string.Empty)
                .Split(':', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length > 0)
            {
                fragments.AddRange(parts);
                sources.Add(variable);
            }
        }
        return new ReaderFilter(fragments, sources);
    }

    public bool IsIgnored(string readerName) =>
        Fragments.Any(fragment => readerName.Contains(fragment, StringComparison.OrdinalIgnoreCase));

    /// <summary>"(2 ignored by SCC_IGNORE_READERS)", or empty when nothing was ignored.</summary>
    public string DescribeIgnored(int count) =>
        count == 0 ? string.Empty : $" ({count} ignored by {string.Join(", ", Sources)})";
}
