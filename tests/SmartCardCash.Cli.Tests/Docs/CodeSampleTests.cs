namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>
/// Every csharp block in the docs (README.md, docs/, each project's README, the spec and its vectors) is a marked
/// region of a source file in Docs/Samples, which this project compiles and whose tests run it, so no sample shows
/// code that does not build or does not do what it says.
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
            foreach (FencedBlock block in FencedBlock.All(file, markdown).Where(b => b.IsCSharp).Reverse())
            {
                string? reference = SampleRegion.ReferenceIn(block.CommentAbove);
                if (reference is null)
                {
                    problems.Add($"{block.Where}: a csharp block needs '<!-- sample: Docs/Samples/FILE.cs#REGION -->' on the line above it");
                    continue;
                }
                SampleRegion region;
                try
                {
                    region = SampleRegion.Load(reference);
                }
                catch (InvalidOperationException e)
                {
                    problems.Add($"{block.Where}: {e.Message}");
                    continue;
                }
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
        string[] unshown = [.. regions.Where(r => !shown.Contains(r))];

        Assert.NotEmpty(regions);
        Assert.True(unshown.Length == 0,
            $"no doc shows {string.Join(", ", unshown)}: put '<!-- sample: REGION -->' and an empty csharp block where it " +
            $"belongs, then fill it with: {RepositoryDocs.RegenerateCommand}");
    }

    [Fact]
    public void Every_fenced_block_says_what_it_holds()
    {
        // An untagged block would be neither compiled (csharp) nor parsed (sh), whatever it holds.
        string[] untagged =
        [
            .. RepositoryDocs.Files.SelectMany(f => FencedBlock.All(f, RepositoryDocs.Read(f)))
                .Where(b => b.Info.Length == 0)
                .Select(b => b.Where),
        ];

        Assert.True(untagged.Length == 0,
            $"fenced blocks without a language ('```csharp', '```sh', '```text'): {string.Join(", ", untagged)}");
    }
}
