using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>
/// Pins, word for word, what the coordinator says and does in every scenario of these groups: the transcripts were
/// written by the coordinator before the payment driver was split into driver, knowledge and narrator, and must stay
/// as they are. On a difference the test writes what it got, and the whole transcript, under the test output folder.
/// </summary>
public sealed class WordingTests
{
    /// <summary>Each group of scenarios, by the name of its golden files.</summary>
    private static readonly Dictionary<string, Action<Transcript>> Groups = new()
    {
        ["one-fault"] = FaultScenarios.OneFault,
        ["two-faults-RemoveBefore"] = t => TwoFaults(t, FaultKind.RemoveBefore),
        ["two-faults-RemoveAfter"] = t => TwoFaults(t, FaultKind.RemoveAfter),
        ["two-faults-LoseAnswer"] = t => TwoFaults(t, FaultKind.LoseAnswer),
        ["recover"] = RecoveryScenarios.Recover,
        ["abandon"] = RecoveryScenarios.Abandon,
        ["refusals"] = RefusalScenarios.Refusals,
        ["tampering"] = MessageScenarios.Tampering,
        ["refused-again"] = MessageScenarios.RefusedAgain,
        ["full-logs"] = MessageScenarios.FullLogs,
        ["forced"] = RefusalScenarios.Forced,
        ["gated"] = MessageScenarios.Gated,
        ["swapped"] = MessageScenarios.Swapped,
    };

    public static TheoryData<string> GroupNames() => [.. Groups.Keys];

    [Theory]
    [MemberData(nameof(GroupNames))]
    public void The_coordinator_says_and_does_what_the_golden_files_say(string group) => Check(group, Groups[group]);

    /// <summary>A fault on each card in one payment, the payer's of one kind, the payee's of every kind.</summary>
    private static void TwoFaults(Transcript transcript, FaultKind payerFault)
    {
        foreach (FaultKind payeeFault in Enum.GetValues<FaultKind>())
        {
            FaultScenarios.TwoFaults(transcript, payerFault, payeeFault);
        }
    }

    /// <summary>
    /// Compares the group's transcript with two golden files: every distinct line of the outcomes, sorted (the wording,
    /// to read), and a digest of each scenario's whole part with the commands sent and the log, in the order the
    /// scenarios run (so that a line said in another scenario, or in another order, fails too).
    /// <c>SCC_WRITE_GOLDEN=1</c> writes them anew.
    /// </summary>
    private static void Check(string group, Action<Transcript> scenarios, [CallerFilePath] string source = "")
    {
        var transcript = new Transcript();
        scenarios(transcript);
        (string Name, string Text)[] parts = [.. transcript.Scenarios];
        string lines = string.Concat(parts
            .SelectMany(s => s.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            .Where(line => !line.StartsWith("  sent to ", StringComparison.Ordinal) && !line.StartsWith("  log ", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(line => line + "\n"));
        string[] digests = [.. parts.Select(s => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(s.Text)))[..12])];
        string folder = Path.Combine(Path.GetDirectoryName(source)!, "Golden");
        string linesFile = Path.Combine(folder, group + ".lines.txt");
        string digestsFile = Path.Combine(folder, group + ".digests.txt");
        if (Environment.GetEnvironmentVariable("SCC_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(linesFile, lines);
            File.WriteAllLines(digestsFile, digests);
        }
        string[] expectedDigests = File.Exists(digestsFile) ? File.ReadAllLines(digestsFile) : [];
        string[] changed = [.. parts.Where((part, i) => i >= expectedDigests.Length || expectedDigests[i] != digests[i]).Select(p => p.Name)];
        bool same = (File.Exists(linesFile) ? File.ReadAllText(linesFile) : "") == lines && changed.Length == 0 &&
            expectedDigests.Length == digests.Length;
        if (!same)
        {
            string written = Path.Combine(AppContext.BaseDirectory, "wording", group);
            Directory.CreateDirectory(written);
            File.WriteAllText(Path.Combine(written, "lines.txt"), lines);
            File.WriteAllText(Path.Combine(written, "transcript.txt"), transcript.ToString());
            Assert.Fail($"the coordinator no longer says what {group}'s golden files say ({changed.Length} of {parts.Length} " +
                $"scenarios differ, first: {changed.FirstOrDefault() ?? "-"}); what it says now is in {written}");
        }
    }
}
