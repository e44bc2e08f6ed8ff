using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;
using SmartCardCash.DurableFiles;
using SmartCardCash.Iso7816;
using SmartCardCash.Journal;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// <c>scc bank clear</c>: uploads this terminal's payment journal ($SCC_HOME/journal/payments.jsonl, the payers' signed
/// vals) for clearing and prints what the bank did with it. The bank keeps each val once by (payer purse, sequence
/// number), so uploading the whole journal again clears only what is new. A clone found is said on stderr as well.
/// </summary>
internal sealed class BankClearCommand : BankClientCommand
{
    private readonly Option<string?> _journal = new("--journal")
    {
        Description = $"The journal to upload. Default: $SCC_HOME/{PaymentJournal.FolderName}/{PaymentJournal.FileName}.",
        HelpName = "file",
    };
    private readonly Option<string?> _requestId = new("--request-id")
    {
        Description = "This upload's ID, in the bank's answer and log. Default: derived from the journal's content, so the same " +
            "journal gets the same ID.",
        HelpName = "id",
    };

    public BankClearCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "clear", BankArchiveHelpTexts.ClearDescription)
    {
        Add(_journal, _requestId);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        PaymentJournal journal = run.Get(_journal) is string file ? new PaymentJournal(ExistingJournal(file)) : PaymentJournal.InHome(Context.Home);
        JournalContents contents = journal.Read();
        // The lines as the journal holds them: JournalFormat writes one entry one way, so encoding it again gives its line.
        List<string> lines = [.. contents.Entries.Select(JournalFormat.Encode)];
        if (lines.Count == 0)
        {
            run.Write(new BankClearJson(journal.FilePath, contents.TornRecords, null), () =>
                Context.Stdout.WriteLine($"The journal {journal.FilePath} holds no payments: nothing to clear."));
            return ExitCodes.Success;
        }
        string requestId = run.Get(_requestId) ?? DefaultRequestId(lines);
        ClearingJson result = Call(cancel => Connect(run).ClearAsync(requestId, lines, cancel));

        foreach (ClearingRecordJson clone in result.Records.Where(r => r.Status == "clone-detected"))
        {
            Context.Stderr.WriteLine($"scc: warning: CLONE DETECTED: purse {clone.Payer} signed two different payments with sequence " +
                $"number {clone.FromSeq}; the bank put it on the hotlist (run 'scc hotlist fetch' to refuse it here)");
        }
        run.Write(new BankClearJson(journal.FilePath, contents.TornRecords, result), () =>
        {
            Context.Stdout.WriteLine($"Uploaded {Plural(lines.Count, "payment")} from {journal.FilePath}: {result.Cleared} cleared, " +
                $"{result.AlreadyCleared} already cleared, {Plural(result.ClonesDetected, "clone")} detected, {result.Refused} refused.");
            foreach (ClearingRecordJson record in result.Records.Where(r => r.Status is "refused" or "clone-detected"))
            {
                Context.Stdout.WriteLine($"  {record.Message}");
            }
            if (contents.TornRecords > 0)
            {
                Context.Stdout.WriteLine($"  {Plural(contents.TornRecords, "torn line")} (cut short by a crash) skipped.");
            }
        });
        return ExitCodes.Success;
    }

    /// <summary>A journal named on the command line must be there: a mistyped path is not "a journal with no payments".</summary>
    private static string ExistingJournal(string file) =>
        Directory.Exists(file) ? throw new UsageException($"--journal: {file} is a folder, not a journal file")
        : PrivateFiles.FileExists(file) ? file
        : throw new UsageException($"--journal: there is no journal file {file}");

    private static string DefaultRequestId(List<string> lines) =>
        "journal-" + Hex.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines))))[..32].ToLowerInvariant();

    private static string Plural(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}
