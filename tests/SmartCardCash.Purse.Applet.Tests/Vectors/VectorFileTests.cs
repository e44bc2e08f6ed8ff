using SmartCardCash.Emulator.Applets;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Applet.Tests.Support;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Conformance.Generation;

namespace SmartCardCash.Purse.Applet.Tests.Vectors;

/// <summary>
/// applet-spec/vectors/purse-v1.json: generated deterministically (it cannot drift), and passed by the applet through
/// the runner — over contacts, contactless, and a T=0-like channel. Set SCC_WRITE_VECTORS=1 to rewrite the file.
/// </summary>
public class VectorFileTests
{
    private static readonly Lazy<string> Generated = new(() =>
        VectorFileJson.Serialize(PurseVectorGenerator.Generate(ReferenceCards.Fresh)));

    [Fact]
    public void The_committed_vector_file_is_what_the_generator_produces()
    {
        string generated = Generated.Value;
        if (Environment.GetEnvironmentVariable("SCC_WRITE_VECTORS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(RepositoryFiles.VectorsPath)!);
            File.WriteAllText(RepositoryFiles.VectorsPath, generated);
        }
        Assert.True(File.Exists(RepositoryFiles.VectorsPath),
            $"{RepositoryFiles.VectorsPath} is missing; run the tests with SCC_WRITE_VECTORS=1 to write it.");
        string committed = File.ReadAllText(RepositoryFiles.VectorsPath).ReplaceLineEndings("\n");
        if (committed != generated)
        {
            string[] expectedLines = generated.Split('\n'), actualLines = committed.Split('\n');
            int line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length))
                .FirstOrDefault(i => expectedLines[i] != actualLines[i], Math.Min(expectedLines.Length, actualLines.Length));
            Assert.Fail($"purse-v1.json differs from the generator's output from line {line + 1}:\n" +
                $"  committed: {actualLines.ElementAtOrDefault(line)}\n  generated: {expectedLines.ElementAtOrDefault(line)}\n" +
                "Regenerate with SCC_WRITE_VECTORS=1 if the change is intended.");
        }
    }

    [Fact]
    public void The_generator_is_deterministic()
    {
        Assert.Equal(VectorFileJson.Serialize(PurseVectorGenerator.BuildNormative()), VectorFileJson.Serialize(PurseVectorGenerator.BuildNormative()));
    }

    [Fact]
    public void The_applet_passes_every_vector_over_contacts()
    {
        VectorFile file = VectorFileJson.Load(RepositoryFiles.VectorsPath);
        ConformanceReport report = ConformanceRunner.Run(ReferenceCards.Fresh, file);
        Assert.True(report.AllPassed, report.ToString());
        Assert.Equal(file.Summary!.Vectors, report.Results.Count);
    }

    [Fact]
    public void The_applet_passes_every_vector_contactless()
    {
        VectorFile file = VectorFileJson.Load(RepositoryFiles.VectorsPath);
        ConformanceReport report = ConformanceRunner.Run(script => ReferenceCards.Fresh(script, CardInterface.Contactless), file,
            new RunnerOptions { Interface = CardInterfaceKind.Contactless });
        Assert.True(report.AllPassed, report.ToString());
        Assert.Contains(report.Results.SelectMany(r => r.Steps), s => s.Outcome == StepOutcome.Passed);
    }

    [Fact]
    public void The_runner_fetches_responses_a_T0_card_announces_with_61xx()
    {
        VectorFile file = VectorFileJson.Load(RepositoryFiles.VectorsPath);
        int exchanges = 0;
        ConformanceReport report = ConformanceRunner.Run(script => new MisbehavingChannel(new T0Channel(ReferenceCards.Fresh(script)),
            (_, response) => { exchanges++; return response; }), file);
        Assert.True(report.AllPassed, report.ToString());
        Assert.True(exchanges > file.Summary!.Steps, "every response with data takes a GET RESPONSE");
    }

    [Fact]
    public void The_runner_reports_a_wrong_status_word_with_the_exchange()
    {
        VectorFile merchant = VectorFileJson.Load(RepositoryFiles.VectorsPath).ForCard("merchant");
        using var card = new MisbehavingChannel(ReferenceCards.Fresh(merchant.Cards[0]),
            (_, response) => response is [.., 0x69, 0x85] ? [0x6A, 0x80] : response);

        ConformanceReport report = ConformanceRunner.Run(card, merchant);

        Assert.False(report.AllPassed);
        VectorResult first = report.Failures.First();
        Assert.Equal("004-refused-in-personalisation", first.Id);
        Assert.Contains("status word 6A80", first.FirstFailure!.Failure, StringComparison.Ordinal);
        Assert.Contains("expected 6985", first.FirstFailure.Failure, StringComparison.Ordinal);
        Assert.Contains("sent:     80500000", first.ToString(), StringComparison.Ordinal);
        Assert.Contains("FAIL merchant/004-refused-in-personalisation", report.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_verifies_the_card_signatures_instead_of_trusting_them()
    {
        VectorFile merchant = VectorFileJson.Load(RepositoryFiles.VectorsPath).ForCard("merchant");
        using var card = new MisbehavingChannel(ReferenceCards.Fresh(merchant.Cards[0]), (command, response) =>
        {
            bool startTo = command.Length > 1 && command[1] == 0x52 && response.Length > 70;
            if (startTo)
            {
                response[^3] ^= 0x01;
            }
            return response;
        });

        ConformanceReport report = ConformanceRunner.Run(card, merchant);

        VectorResult failure = Assert.Single(report.Failures, r => r.Id.EndsWith("-start-to", StringComparison.Ordinal));
        Assert.Contains("does not verify", failure.FirstFailure!.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runner_notices_data_that_differ_and_data_left_over()
    {
        VectorFile bank = VectorFileJson.Load(RepositoryFiles.VectorsPath).ForCard("bank");
        using var card = new MisbehavingChannel(ReferenceCards.Fresh(bank.Cards[0]), (command, response) =>
            command is [0x80, 0xCA, 0x00, 0x02, ..] && response.Length > 2 ? [.. response[..^2], 0x00, .. response[^2..]] : response);

        ConformanceReport report = ConformanceRunner.Run(card, bank);

        Assert.Contains(report.Failures, r => r.FirstFailure!.Failure!.Contains("unexpected bytes at the end", StringComparison.Ordinal));
    }

    [Fact]
    public void A_file_with_several_cards_needs_a_fresh_card_each()
    {
        VectorFile file = VectorFileJson.Load(RepositoryFiles.VectorsPath);
        using ICardChannel card = ReferenceCards.Fresh(file.Cards[0]);
        Assert.Throws<ArgumentException>(() => ConformanceRunner.Run(card, file));
    }

    [Fact]
    public void The_README_states_the_counts_of_the_file()
    {
        VectorSummary summary = VectorFileJson.Load(RepositoryFiles.VectorsPath).Summary!;
        string readme = File.ReadAllText(RepositoryFiles.Path("applet-spec", "vectors", "README.md"));
        Assert.Contains($"{summary.Vectors} vectors, {summary.Steps} steps", readme, StringComparison.Ordinal);
        foreach ((string command, int count) in summary.VectorsPerCommand)
        {
            Assert.Matches($@"\| {System.Text.RegularExpressions.Regex.Escape(command)}( \([^)]*\))? \| {count} \|", readme);
        }
    }

    [Fact]
    public void Every_command_of_the_spec_has_vectors()
    {
        VectorFile file = VectorFileJson.Load(RepositoryFiles.VectorsPath);
        string[] commands =
        [
            "SELECT", "GET RESPONSE", "GET DATA", "GENERATE KEY PAIR", "PUT DATA", "ACTIVATE", "VERIFY CERTIFICATE", "START FROM",
            "START TO", "REQ", "VAL", "ACK", "ABORT", "RESUME", "READ LOG", "VERIFY LOCK CODE", "CHANGE LOCK CODE", "LOCK", "UNLOCK",
            "MINT", "CLEAR EXCEPTION LOG", "DEACTIVATE", "TERMINATE", "RESET LOCK CODE", "common checks",
        ];
        foreach (string command in commands)
        {
            Assert.True(file.Summary!.VectorsPerCommand.GetValueOrDefault(command) > 0, $"no vector for {command}");
        }
        Assert.Empty(file.Summary!.VectorsPerCommand.Keys.Except(commands));
    }
}
