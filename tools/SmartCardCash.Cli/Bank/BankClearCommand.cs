using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;
using SmartCardCash.DurableFiles;
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
        JournalUpload upload = JournalUpload.Read(journal);
        if (upload.Lines.Count == 0)
        {
            run.Write(new BankClearJson(upload.FilePath, upload.TornLines, null), () =>
                Context.Stdout.WriteLine($"The journal {upload.FilePath} holds no payments: nothing to clear."));
            return ExitCodes.Success;
        }
        string requestId = run.Get(_requestId) ?? upload.ContentId();
        ClearingJson result = Call(cancel => upload.SendAsync(Connect(run), requestId, cancel));

        JournalUpload.WarnOfClones(result, Context.Stderr);
        run.Write(new BankClearJson(upload.FilePath, upload.TornLines, result), () =>
        {
            Context.Stdout.WriteLine($"Uploaded {JournalUpload.Plural(upload.Lines.Count, "payment")} from {upload.FilePath}: " +
                $"{JournalUpload.Counts(result)}.");
            foreach (ClearingRecordJson record in result.Records.Where(r => r.Status is "refused" or "clone-detected"))
            {
                Context.Stdout.WriteLine($"  {record.Message}");
            }
            if (upload.TornLines > 0)
            {
                Context.Stdout.WriteLine($"  {JournalUpload.Plural(upload.TornLines, "torn line")} (cut short by a crash) skipped.");
            }
        });
        return ExitCodes.Success;
    }

    /// <summary>A journal named on the command line must be there: a mistyped path is not "a journal with no payments".</summary>
    private static string ExistingJournal(string file) =>
        Directory.Exists(file) ? throw new UsageException($"--journal: {file} is a folder, not a journal file")
        : PrivateFiles.FileExists(file) ? file
        : throw new UsageException($"--journal: there is no journal file {file}");
}
