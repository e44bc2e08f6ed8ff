namespace SmartCardCash.Cli.Readers;

/// <summary>The reader a user asked for, and where they asked (the --reader option or SCC_READER).</summary>
internal sealed record ReaderRequest(string Text, bool FromEnvironment)
{
    public const string ReaderVariable = "SCC_READER";

    /// <summary>--reader wins over SCC_READER; an empty value counts as not given.</summary>
    public static ReaderRequest? Resolve(string? option, Func<string, string?> getEnvironmentVariable)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return new ReaderRequest(option.Trim(), FromEnvironment: false);
        }
        string? variable = getEnvironmentVariable(ReaderVariable);
        return string.IsNullOrWhiteSpace(variable) ? null : new ReaderRequest(variable.Trim(), FromEnvironment: true);
    }

    /// <summary>"'pcd'" or "SCC_READER 'pcd'", as the subject of a message.</summary>
    public override string ToString() => FromEnvironment ? $"{ReaderVariable} '{Text}'" : $"'{Text}'";
}
