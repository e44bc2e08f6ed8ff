using System.Security.Cryptography;
using System.Text;
using SmartCardCash.BankApi;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Iso7816;
using SmartCardCash.Journal;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// This terminal's payment journal as <c>scc bank clear</c> and <c>scc deposit</c> upload it for clearing: its lines as
/// the journal holds them, sent with <see cref="BankClient.ClearAsync"/> (which splits them into requests of
/// <see cref="BankClient.ClearingLinesPerRequest"/>), and the bank's answer in words. The journal itself is never
/// changed: the bank keeps each val once by (payer purse, sequence number), so uploading it again clears only what is new.
/// </summary>
internal sealed class JournalUpload
{
    private JournalUpload(PaymentJournal journal, JournalContents contents)
    {
        FilePath = journal.FilePath;
        TornLines = contents.TornRecords;
        // The lines as the journal holds them: JournalFormat writes one entry one way, so encoding it again gives its line.
        Lines = [.. contents.Entries.Select(JournalFormat.Encode)];
    }

    public string FilePath { get; }

    /// <summary>Lines cut short by a crash, skipped.</summary>
    public int TornLines { get; }

    public IReadOnlyList<string> Lines { get; }

    /// <exception cref="SmartCardCash.LocalData.LocalDataException">The journal cannot be read, or a line is damaged.</exception>
    public static JournalUpload Read(PaymentJournal journal) => new(journal, journal.Read());

    /// <summary>The upload's ID when none is given: derived from the journal's content, so the same journal gets the same ID.</summary>
    public string ContentId() =>
        "journal-" + Hex.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', Lines))))[..32].ToLowerInvariant();

    /// <summary>Sends every line; call it only when there are lines (the bank refuses an empty upload).</summary>
    /// <exception cref="BankApiException">The bank refused a request; the requests before it stay cleared.</exception>
    /// <exception cref="BankUnreachableException">The bank cannot be reached.</exception>
    public Task<ClearingJson> SendAsync(BankClient bank, string requestId, CancellationToken cancel) =>
        bank.ClearAsync(requestId, Lines, cancel);

    /// <summary>"3 cleared, 1 already cleared, 0 clones detected, 0 refused".</summary>
    public static string Counts(ClearingJson result) =>
        $"{result.Cleared} cleared, {result.AlreadyCleared} already cleared, {Plural(result.ClonesDetected, "clone")} detected, {result.Refused} refused";

    /// <summary>One warning line on stderr for each clone the bank found: it is news the operator of this terminal must see.</summary>
    public static void WarnOfClones(ClearingJson result, TextWriter stderr)
    {
        foreach (ClearingRecordJson clone in result.Records.Where(r => r.Status == "clone-detected"))
        {
            stderr.WriteLine($"scc: warning: CLONE DETECTED: purse {clone.Payer} signed two different payments with sequence " +
                $"number {clone.FromSeq}; the bank put it on the hotlist (run 'scc hotlist fetch' to refuse it here)");
        }
    }

    public static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
