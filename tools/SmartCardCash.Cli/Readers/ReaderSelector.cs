using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc;

namespace SmartCardCash.Cli.Readers;

/// <summary>
/// Picks the one reader a command works with. A request matches a reader by its full name, then by a unique
/// case-insensitive part of it. Without a request, the one reader that holds a card is used.
/// Every failure lists the readers there are and exits 3.
/// </summary>
internal static class ReaderSelector
{
    /// <exception cref="ReaderUnavailableException">No reader, no match, or more than one candidate.</exception>
    /// <exception cref="NoCardException">No request, and no reader holds a card.</exception>
    public static string Select(IReadOnlyList<PcscReaderStatus> readers, ReaderFilter filter, ReaderRequest? request)
    {
        var visible = readers.Where(r => !filter.IsIgnored(r.ReaderName)).ToList();
        var names = visible.Select(r => r.ReaderName).ToList();
        int ignored = readers.Count - visible.Count;
        return request is null ? SelectByCard(visible, names, filter, ignored) : Match(request, readers, names, filter);
    }

    /// <summary>'A', 'B'</summary>
    public static string List(IEnumerable<string> names) => string.Join(", ", names.Select(n => $"'{n}'"));

    private static string Match(ReaderRequest request, IReadOnlyList<PcscReaderStatus> all, List<string> names,
        ReaderFilter filter)
    {
        string text = request.Text;
        if (names.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }
        var sameName = names.Where(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (sameName.Count == 1)
        {
            return sameName[0];
        }
        var partial = names.Where(n => n.Contains(text, StringComparison.OrdinalIgnoreCase)).ToList();
        if (partial.Count == 1)
        {
            return partial[0];
        }
        if (partial.Count > 1)
        {
            throw new ReaderUnavailableException(
                $"{request} matches {partial.Count} readers: {List(partial)}; give more of the name", names);
        }

        var ignoredMatches = all.Select(r => r.ReaderName)
            .Where(n => filter.IsIgnored(n) && n.Contains(text, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (ignoredMatches.Count > 0)
        {
            throw new ReaderUnavailableException(
                $"{request} matches only ignored readers ({List(ignoredMatches)}, ignored by {string.Join(", ", filter.Sources)})",
                names);
        }
        string there = names.Count == 0
            ? "there is no smart card reader" + filter.DescribeIgnored(all.Count)
            : $"the readers are {List(names)}";
        throw new ReaderUnavailableException($"no reader matches {request}; {there}", names);
    }

    private static string SelectByCard(List<PcscReaderStatus> visible, List<string> names, ReaderFilter filter,
        int ignored)
    {
        if (visible.Count == 0)
        {
            throw new ReaderUnavailableException("no smart card reader found" + filter.DescribeIgnored(ignored), names);
        }
        var withCard = visible.Where(r => r.IsCardPresent).Select(r => r.ReaderName).ToList();
        return withCard.Count switch
        {
            1 => withCard[0],
            0 => throw new NoCardException(names.Count == 1
                ? $"there is no card in '{names[0]}'"
                : $"there is no card in any reader; the readers are {List(names)}"),
            _ => throw new ReaderUnavailableException(
                $"{withCard.Count} readers hold a card: {List(withCard)}; choose one with --reader or {ReaderRequest.ReaderVariable}",
                names),
        };
    }
}
