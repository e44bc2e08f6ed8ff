namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>The transcripts the docs mark as run are what scc prints today, in an empty SCC_HOME.</summary>
[Collection(DocsCollection.Name)]
public sealed class TranscriptTests
{
    [Fact]
    public void Every_marked_transcript_is_what_scc_prints()
    {
        IReadOnlyList<Transcript> transcripts = Transcript.All();

        Assert.Contains(transcripts, t => t.Block.File == "README.md");
        foreach (Transcript transcript in transcripts)
        {
            string? problem = transcript.Check();
            Assert.True(problem is null, problem);
        }
    }

    [Fact]
    public void A_transcript_that_shows_other_output_fails()
    {
        var block = new FencedBlock("test.md", 1, 1, "text",
            ["$ scc mint --card bank --amount 1 --currency EUX", "scc: something else", "(exit 2)"], Transcript.Marker);

        string? problem = new Transcript(block).Check();

        Assert.NotNull(problem);
        Assert.Contains("'EUX' is not a known currency", problem);
    }
}
