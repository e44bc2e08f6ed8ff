namespace SmartCardCash.Cli.Output;

/// <summary><c>scc hotlist fetch --json</c>: the list installed (or found installed already: <see cref="Changed"/> false),
/// the version it replaced, and the file.</summary>
internal sealed record HotlistFetchJson(long Version, string Date, IReadOnlyList<string> Purses, long? Replaced, bool Changed, string File);
