using SmartCardCash.Emulator;
using SmartCardCash.Purse.Conformance.Generation;
using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;

namespace SmartCardCash.Purse.Applet.Tests.Vectors;

/// <summary>
/// applet-spec/vectors/purse-v1.json: generated deterministically (it cannot drift), and passed by the applet on the
/// emulated card through the runner — over contact T=1, contact T=0 and contactless. Set SCC_WRITE_VECTORS=1 to
/// rewrite the file.
/// </summary>
public class VectorFileTests
{
    private static readonly Lazy<string> Generated = new(() =>
        VectorFileJson.Serialize(PurseVectorGenerator.Generate(ReferenceCards.Fresh)));

    private static VectorSummary Summary => VectorFileJson.Load(RepositoryFiles.VectorsPath).Summary!;

    /// <summary>Steps that run over contacts: all but those marked contactless.</summary>
    private static int ContactSteps => Summary.Steps - StepsFor("contactless");

    private static int StepsFor(string cardInterface) => VectorFileJson.Load(RepositoryFiles.VectorsPath).Cards
        .SelectMany(c => c.Vectors).SelectMany(v => v.Steps).Count(s => s.Interface == cardInterface);

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
    public void The_applet_passes_every_vector_over_contact_T1()
    {
        ConformanceReport report = ConformanceRunner.RunFile(RepositoryFiles.VectorsPath, ReferenceCards.Fresh);
        Assert.True(report.AllPassed, report.ToString());
        Assert.Equal(Summary.Vectors, report.Results.Count);
        Assert.Equal(ContactSteps, report.Results.Sum(r => r.Steps.Count(s => s.Outcome == StepOutcome.Passed)));
    }

    [Fact]
    public void The_applet_passes_every_vector_over_contact_T0_where_data_come_through_GET_RESPONSE()
    {
        // Over T=1, count the case 4 commands answered with data: on T=0 each of them takes one more GET RESPONSE.
        (ConformanceReport t1, int t1GetResponses, int case4WithData) = RunCounting(InterfaceProfile.ContactT1);
        (ConformanceReport t0, int t0GetResponses, _) = RunCounting(InterfaceProfile.ContactT0);

        Assert.True(t1.AllPassed, t1.ToString());
        Assert.True(t0.AllPassed, t0.ToString());
        Assert.Equal(ContactSteps, t0.Results.Sum(r => r.Steps.Count(s => s.Outcome == StepOutcome.Passed)));
        Assert.True(case4WithData > 50, $"only {case4WithData} case 4 commands answered data");
        Assert.Equal(t1GetResponses + case4WithData, t0GetResponses);
    }

    private static (ConformanceReport Report, int GetResponses, int Case4WithData) RunCounting(InterfaceProfile via)
    {
        int getResponses = 0, case4WithData = 0;
        ConformanceReport report = ConformanceRunner.RunFile(RepositoryFiles.VectorsPath, script => new MisbehavingChannel(
            ReferenceCards.Fresh(script, via), (command, response) =>
            {
                getResponses += command is [0x00, 0xC0, ..] ? 1 : 0;
                bool case4 = CommandApdu.TryParse(command, out CommandApdu? apdu) && apdu!.Case == ApduCase.Case4Short;
                case4WithData += case4 && response.Length > 2 ? 1 : 0;
                return response;
            }));
        return (report, getResponses, case4WithData);
    }

    [Fact]
    public void The_applet_passes_every_vector_contactless()
    {
        ConformanceReport report = ConformanceRunner.RunFile(RepositoryFiles.VectorsPath,
            script => ReferenceCards.Fresh(script, InterfaceProfile.Contactless), new RunnerOptions { Interface = CardInterfaceKind.Contactless });
        Assert.True(report.AllPassed, report.ToString());
        Assert.Equal(Summary.Vectors, report.Results.Count);
        Assert.Equal(Summary.Steps - StepsFor("contact"), report.Results.Sum(r => r.Steps.Count(s => s.Outcome == StepOutcome.Passed)));
    }

    [Fact]
    public void The_card_is_left_as_the_scripts_say_and_the_applet_never_faulted()
    {
        VectorFile file = VectorFileJson.Load(RepositoryFiles.VectorsPath);
        foreach (VectorCard script in file.Cards)
        {
            PurseCard card = ReferenceCards.Card(script, InterfaceProfile.ContactT1);
            using (EmulatedCardChannel channel = card.OpenChannel())
            {
                Assert.True(ConformanceRunner.Run(channel, file.ForCard(script.Id)).AllPassed);
            }
            card.AssertNoInternalErrors();
            Assert.False(card.Emulated.IsPowered);
            card.PowerCycle();
            ResponseApdu select = card.Transmit(Spec.PurseCommands.Select());
            // The merchant and customer scripts end with their purses terminated (6A81); the bank purse is still issued.
            Assert.Equal(script.Id is "merchant" or "customer" ? 0x6A81 : 0x9000, select.StatusWord.Value);
        }
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
