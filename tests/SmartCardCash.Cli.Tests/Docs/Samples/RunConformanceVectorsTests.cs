using SmartCardCash.Purse.Conformance.Runner;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The vectors README's samples pass every vector on the emulated purse, over contact and contactless.</summary>
public sealed class RunConformanceVectorsTests
{
    private static readonly string VectorsPath = RepositoryDocs.FullPath("applet-spec/vectors/purse-v1.json");

    [Fact]
    public void Every_script_on_fresh_cards_and_one_script_on_one_card_pass()
    {
        (ConformanceReport all, ConformanceReport merchant) = RunConformanceVectors.RunLoaded(VectorsPath);

        Assert.True(all.AllPassed, all.ToString());
        Assert.Equal(135, all.Results.Count);
        Assert.StartsWith("135 of 135 vectors passed, 0 failed.", all.ToString(), StringComparison.Ordinal);
        Assert.True(merchant.AllPassed, merchant.ToString());
        Assert.Equal(105, merchant.Results.Count);
    }

    [Fact]
    public void The_file_runs_in_one_call_over_contactless()
    {
        ConformanceReport report = RunConformanceVectors.RunFile(VectorsPath);

        Assert.True(report.AllPassed, report.ToString());
        Assert.Equal(135, report.Results.Count);
    }
}
