namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>Names the rows of the persistent layout (spec 8.1) where two images of a purse's region differ.</summary>
internal static class RegionDiff
{
    public static string Describe(ReadOnlySpan<byte> expected, ReadOnlySpan<byte> actual)
    {
        if (expected.Length != actual.Length)
        {
            return $"{actual.Length} bytes where {expected.Length} were expected";
        }
        var rows = new List<string>();
        foreach ((string item, int offset, int bytes) in PurseLayout.BudgetRows)
        {
            int first = expected.Slice(offset, bytes).CommonPrefixLength(actual.Slice(offset, bytes));
            if (first < bytes)
            {
                rows.Add($"{item} (first at offset {offset + first})");
            }
        }
        int tail = PurseLayout.Size;
        if (expected.Length > tail && !expected[tail..].SequenceEqual(actual[tail..]))
        {
            rows.Add("bytes after the layout");
        }
        return rows.Count == 0 ? "no difference" : string.Join("; ", rows);
    }
}
