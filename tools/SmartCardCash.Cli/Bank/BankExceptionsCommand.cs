using System.CommandLine;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// <c>scc bank exceptions --card C</c>: reads the card's signed exception log, uploads it to the bank's archive, prints
/// what each record means (refunded, owed, maybe lost, awaiting the payer's record, arrived), then sends the bank's
/// issuer-signed CLEAR EXCEPTION LOG to the card. The terminal never holds the issuer's key. If the card logged another
/// record after the upload, it refuses the clear: nothing is lost (every record uploaded is archived), and running the
/// command again archives the new one and clears them all.
/// </summary>
internal sealed class BankExceptionsCommand : BankClientCommand
{
    private readonly Option<string?> _card = CardOption.Create("The card whose exception log goes to the bank");
    private readonly Option<bool> _abortTransfer = TransferGuard.CreateOption();

    public BankExceptionsCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "exceptions", BankArchiveHelpTexts.ExceptionsDescription)
    {
        Add(_card, _abortTransfer);
        AddConnectionOptions();
    }

    protected override int Execute(CommandRun run)
    {
        using PurseConnection card = run.OpenPurse(run.ResolveCard(_card));
        card.Purse.Select();
        // READ LOG would abort a transfer scc recover could still finish: refused unless --abort-transfer.
        AbortedTransfer? aborted = TransferGuard.Check(card, run.Get(_abortTransfer), "reading its exception log");
        IReadOnlyList<ExceptionLogEntry> entries = card.Purse.ReadExceptionLog();
        string purse = card.Purse.GetCertificate().Body.Holder.ToString();
        if (entries.Count == 0)
        {
            run.Write(new BankExceptionsJson(card.Name, purse, aborted?.Json, null, false, null), () =>
            {
                WriteAborted(aborted);
                Context.Stdout.WriteLine($"The exception log of {card.Name} (purse {purse}) is empty: nothing to upload.");
            });
            return ExitCodes.Success;
        }

        ExceptionUploadRequest request = ExceptionLogUpload.Request(card.Purse, entries);
        ExceptionUploadJson upload = Call(cancel => Connect(run).UploadExceptionsAsync(request, cancel));
        string? refused = Clear(card, upload.ClearAuthorisation);

        run.Write(new BankExceptionsJson(card.Name, purse, aborted?.Json, upload, refused is null, refused), () =>
        {
            WriteAborted(aborted);
            Context.Stdout.WriteLine($"The bank archived {Records(upload.Records.Count)} of {card.Name} (purse {purse}): " +
                $"{Count(upload, "refunded")} refunded, {Count(upload, "owed")} owed, {Count(upload, "maybe-lost")} maybe lost, " +
                $"{Count(upload, "awaiting-payer-record")} awaiting the payer's record, {Count(upload, "arrived")} arrived.");
            foreach (ArchivedRecordJson record in upload.Records)
            {
                Context.Stdout.WriteLine($"  {ExceptionLogUpload.Describe(record)}");
            }
            if (refused is null)
            {
                Context.Stdout.WriteLine($"The card's exception log is cleared ({Records(upload.Records.Count)}).");
            }
        });
        if (refused is not null)
        {
            Context.Stderr.WriteLine($"scc: {refused}");
            return ExitCodes.CardError;
        }
        return ExitCodes.Success;
    }

    /// <summary>Sends the bank's clear authorisation; the sentence to say when the card refused it because it changed.</summary>
    private static string? Clear(PurseConnection card, ClearAuthorisationJson clear)
    {
        try
        {
            ExceptionLogUpload.Clear(card.Purse, clear);
            return null;
        }
        catch (WrongStateException)
        {
            return $"{card.Name} refused the bank's clear authorisation because its exception log or issuer counter changed " +
                "after the upload; nothing is lost: every record uploaded is archived, and running 'scc bank exceptions' again " +
                "archives the new ones and clears the card";
        }
        catch (FormatException e)
        {
            throw new UsageException($"the bank's clear authorisation is not one a card takes ({ErrorReporter.OneLine(e.Message)})");
        }
    }

    private void WriteAborted(AbortedTransfer? aborted)
    {
        if (aborted is not null)
        {
            Context.Stdout.WriteLine(aborted.Text);
        }
    }

    private static int Count(ExceptionUploadJson upload, string classification) => upload.Records.Count(r => r.Classification == classification);

    private static string Records(int count) => count == 1 ? "1 record" : $"{count} records";
}
