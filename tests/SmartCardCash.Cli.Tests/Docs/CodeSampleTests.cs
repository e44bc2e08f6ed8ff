namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// Every csharp block in the docs is a marked region of a source file in Docs/Samples, which this project compiles
/// (and whose main sample a test runs), so no sample shows code that does not build.
/// </summary>
[Collection(DocsCollection.Name)]
public sealed class CodeSampleTests
{
    [Fact]
    public void Every_csharp_block_in_the_docs_is_a_compiled_sample_region()
    {
        var problems = new List<string>();
        foreach (string file in RepositoryDocs.Files)
        {
            string markdown = RepositoryDocs.Read(file);
            var lines = markdown.Split('\n').ToList();
            // Last block first, so that rewriting one moves no block still to be rewritten.
            foreach (FencedBlock block in FencedBlock.All(file, markdown).Where(b => b.Info is "csharp" or "cs" or "c#").Reverse())
            {
                string? reference = SampleRegion.ReferenceIn(block.CommentAbove);
                if (reference is null)
                {
                    problems.Add($"{block.Where}: a csharp block needs '<!-- sample: Docs/Samples/FILE.cs#REGION -->' on the line above it");
                    continue;
                }
                SampleRegion region = SampleRegion.Load(reference);
                if (RepositoryDocs.Writing)
                {
                    lines.RemoveRange(block.FirstContentIndex, block.Lines.Count);
                    lines.InsertRange(block.FirstContentIndex, region.Lines);
                }
                else if (!block.Lines.SequenceEqual(region.Lines))
                {
                    int at = Enumerable.Range(0, Math.Min(block.Lines.Count, region.Lines.Count))
                        .FirstOrDefault(i => block.Lines[i] != region.Lines[i], Math.Min(block.Lines.Count, region.Lines.Count));
                    problems.Add($"{block.Where}: differs from {reference} at its line {at + 1}:\n" +
                        $"  in the doc:    {block.Lines.ElementAtOrDefault(at)}\n  in the source: {region.Lines.ElementAtOrDefault(at)}");
                }
            }
            if (RepositoryDocs.Writing && string.Join('\n', lines) != markdown)
            {
                File.WriteAllText(RepositoryDocs.FullPath(file), string.Join('\n', lines));
            }
        }

        Assert.True(problems.Count == 0,
            string.Join('\n', problems) + $"\nEdit the sample source, then copy it into the docs with: {RepositoryDocs.RegenerateCommand}");
    }

    [Fact]
    public void Every_sample_region_is_shown_in_some_doc()
    {
        var shown = RepositoryDocs.Files
            .SelectMany(f => FencedBlock.All(f, RepositoryDocs.Read(f)))
            .Select(b => SampleRegion.ReferenceIn(b.CommentAbove))
            .OfType<string>()
            .ToHashSet();

        IReadOnlyList<string> regions = SampleRegion.AllReferences();

        Assert.NotEmpty(regions);
        Assert.All(regions, r => Assert.Contains(r, shown));
    }
}
