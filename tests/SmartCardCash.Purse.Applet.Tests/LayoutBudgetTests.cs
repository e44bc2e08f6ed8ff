using System.Globalization;
using System.Text.RegularExpressions;

namespace SmartCardCash.Purse.Applet.Tests;

/// <summary>The memory budget of spec 8.1 and 8.2 and the applet's layout are the same thing, read from the spec itself.</summary>
public partial class LayoutBudgetTests
{
    [Fact]
    public void The_persistent_layout_has_exactly_the_rows_and_sizes_of_the_spec_table()
    {
        (List<(string Item, int Bytes)> rows, int total) = ReadBudgetTable("### 8.1");

        Assert.Equal(rows.Select(r => r.Item), PurseLayout.BudgetRows.Select(r => r.Item));
        Assert.Equal(rows.Select(r => r.Bytes), PurseLayout.BudgetRows.Select(r => r.Bytes));
        Assert.Equal(rows.Sum(r => r.Bytes), total);
        Assert.True(total == PurseLayout.Size, $"spec 8.1 totals {total} bytes; the layout has {PurseLayout.Size}");
        Assert.True(total == PurseApplet.PersistentMemorySize, $"spec 8.1 totals {total}; the applet asks for {PurseApplet.PersistentMemorySize}");
    }

    [Fact]
    public void The_layout_rows_are_contiguous_from_offset_zero()
    {
        int expected = 0;
        foreach ((string item, int offset, int bytes) in PurseLayout.BudgetRows)
        {
            Assert.True(offset == expected, $"{item} starts at {offset}, expected {expected}");
            expected += bytes;
        }
        Assert.Equal(PurseLayout.Size, expected);
    }

    [Fact]
    public void The_transient_budget_matches_the_spec_table()
    {
        (List<(string Item, int Bytes)> rows, int total) = ReadBudgetTable("### 8.2");

        Assert.Equal(rows.Select(r => r.Item), PurseTransientBudget.Rows.Select(r => r.Item));
        Assert.Equal(rows.Select(r => r.Bytes), PurseTransientBudget.Rows.Select(r => r.Bytes));
        Assert.Equal(total, PurseTransientBudget.Total);
    }

    [Fact]
    public void The_budget_sentences_repeat_the_table_totals()
    {
        string spec = File.ReadAllText(RepositoryFiles.SpecPath);
        Assert.Contains($"used **{Format(PurseLayout.Size)}**", spec, StringComparison.Ordinal);
        Assert.Contains($"used **{Format(PurseTransientBudget.Total)}**", spec, StringComparison.Ordinal);
    }

    private static (List<(string Item, int Bytes)> Rows, int Total) ReadBudgetTable(string heading)
    {
        string spec = File.ReadAllText(RepositoryFiles.SpecPath);
        int start = spec.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"the spec has no section {heading}");
        var rows = new List<(string, int)>();
        foreach (string line in spec[start..].Split('\n').Skip(1))
        {
            Match total = TotalRow().Match(line);
            if (total.Success)
            {
                return (rows, ParseBytes(total.Groups[1].Value));
            }
            Match row = BudgetRow().Match(line);
            if (row.Success)
            {
                rows.Add((row.Groups[1].Value.Trim(), ParseBytes(row.Groups[2].Value)));
            }
        }
        throw new InvalidOperationException($"section {heading} has no total row");
    }

    private static int ParseBytes(string text) => int.Parse(text.Replace(" ", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    private static string Format(int bytes) => bytes >= 1000
        ? $"{bytes / 1000} {bytes % 1000:D3}"
        : bytes.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\| \*\*total\*\* \| \*\*([\d ]+)\*\* \|")]
    private static partial Regex TotalRow();

    [GeneratedRegex(@"^\| ([^|*][^|]*) \| ([\d ]+) \|$")]
    private static partial Regex BudgetRow();
}
