using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Remote;
using Spectre.Console;

namespace SmartCardCash.Cli.Payments;

/// <summary>
/// Writes a payment outcome: with --json the <see cref="PaymentOutcomeJson"/> document; otherwise what happened in
/// plain words, a small table, anything else that changed, and the exact commands that finish it. A non-zero exit
/// adds the one "scc: …" line on stderr.
/// </summary>
internal sealed class PaymentReport(CliContext context, OutputSettings settings)
{
    /// <param name="evidence">For a payment the payee took: where its evidence was kept, or why not (then the exit is 7
    /// and the one error line says the value moved and only the evidence is missing).</param>
    public void Write(PaymentOutcome outcome, PaymentParties parties, int exitCode, KeptEvidence? evidence = null)
    {
        IReadOnlyList<string> next = NextSteps(outcome, parties);
        if (settings.Json)
        {
            JsonOutput.WriteDocument(context.Stdout, ToJson(outcome, parties, next, exitCode, evidence));
        }
        else
        {
            WriteText(outcome, parties, next);
        }
        if (evidence is { Kept: false } && outcome.SignedPayment is { } signed)
        {
            string payee = outcome.Payee is { } p ? parties.PayeeAddress ?? p.Name : "the payee";
            context.Stderr.WriteLine($"scc: {EvidenceJournal.NotKept(payee, signed, evidence)}");
        }
        else if (exitCode != ExitCodes.Success)
        {
            context.Stderr.WriteLine($"scc: {ErrorLine(outcome, next)}");
        }
    }

    /// <summary>
    /// The one stderr line: a refusal's own sentence; for a payment that did not complete, where the value is and the
    /// first thing to do (the whole story is on stdout).
    /// </summary>
    private static string ErrorLine(PaymentOutcome outcome, IReadOnlyList<string> next)
    {
        if (outcome.Kind is PaymentOutcomeKind.NotStarted or PaymentOutcomeKind.NothingToRecover)
        {
            string line = ErrorReporter.OneLine(outcome.Summary);
            // "Nothing was paid" reads "scc: nothing was paid"; "EUR 12.50 was …" stays as it is.
            bool word = line.Length > 1 && char.IsLower(line[1]);
            return $"{(word ? char.ToLowerInvariant(line[0]) : line[0])}{line[1..]}";
        }
        return $"the payment did not complete ({Words(PaymentsJson.Name(outcome.Kind))}): the value is " +
            $"{WhereIsTheValue(outcome)}" + (next.Count > 0 ? $"; next: {next[0]}" : "");
    }

    public static PaymentOutcomeJson ToJson(PaymentOutcome outcome, PaymentParties parties, IReadOnlyList<string> next, int exitCode,
        KeptEvidence? evidence = null) => new(
        PaymentsJson.Name(outcome.Kind),
        outcome.Summary,
        PaymentsJson.Payment(outcome.Payment),
        Purse(outcome.Payer, parties.PayerAddress, parties.PayerBalance),
        outcome.Payee is null ? null : Purse(outcome.Payee, parties.PayeeAddress, parties.PayeeBalance),
        PaymentsJson.Name(outcome.Debited),
        PaymentsJson.Name(outcome.Credited),
        PaymentsJson.Name(outcome.Value),
        outcome.Refusal is { } r
            ? new PaymentRefusalJson(PaymentsJson.Name(r.By), PaymentsJson.Name(r.Reason), r.Message, r.StatusWord, r.IsSecurity,
                PaymentsJson.Payment(r.UnfinishedTransfer))
            : null,
        outcome.SideEffects,
        outcome.Recovery,
        PaymentsJson.Name(outcome.Remedy),
        next,
        evidence is null ? null : new JournalJson(evidence.Path, evidence.Kept, evidence.Problem),
        exitCode);

    private static PaymentPurseJson Purse(PurseReport report, string? address, Money? balance) =>
        new(address ?? report.Name, report.PurseId, report.State, report.Reachable, PaymentsJson.Money(balance));

    private void WriteText(PaymentOutcome outcome, PaymentParties parties, IReadOnlyList<string> next)
    {
        IAnsiConsole console = ConsoleFactory.Create(context.Stdout, context.IsTerminal);
        bool refused = outcome.Kind == PaymentOutcomeKind.NotStarted && outcome.Refusal is not null;
        if (!refused)
        {
            // A refusal's sentence is the stderr line; everything else is told here.
            console.Write(new Text(Paragraph.Wrap(outcome.Summary) + "\n"));
        }
        if (!refused && outcome.Kind != PaymentOutcomeKind.NothingToRecover)
        {
            console.Write(PurseTables.Properties(Rows(outcome, parties)));
        }
        foreach (string effect in outcome.SideEffects)
        {
            console.Write(new Text(Paragraph.Wrap($"Also: {effect}", continuation: "  ") + "\n"));
        }
        foreach (string step in outcome.Recovery)
        {
            console.Write(new Text(Paragraph.Wrap($"What happened: {step}", continuation: "  ") + "\n"));
        }
        foreach (string step in next)
        {
            // Never wrapped: the commands are to be copied.
            console.Write(new Text($"Next: {step}\n"));
        }
    }

    private static List<(string, string)> Rows(PaymentOutcome outcome, PaymentParties parties)
    {
        var rows = new List<(string, string)> { ("Outcome", Words(PaymentsJson.Name(outcome.Kind))) };
        string payer = outcome.Payer.Name;
        string payee = outcome.Payee?.Name ?? "";
        if (outcome.Payment is { } payment)
        {
            // A purse with no card here is named by its ID already ("purse 5343430A00000003").
            rows.Add(("From", payer.StartsWith("purse ", StringComparison.Ordinal) ? payer : $"{payer}, purse {payment.From}"));
            rows.Add(("To", payee.StartsWith("purse ", StringComparison.Ordinal) ? payee : $"{payee}, purse {payment.To}"));
            rows.Add(("Amount", payment.Value.ToString()));
            rows.Add(("Sequence numbers", $"from {payment.FromSeq}, to {payment.ToSeq}"));
            if (payment.OrderDigest is { } digest)
            {
                rows.Add(("Order digest", digest));
            }
        }
        rows.Add(("Debited / credited", $"{PaymentsJson.Name(outcome.Debited)} / {PaymentsJson.Name(outcome.Credited)}"));
        rows.Add(("Value", WhereIsTheValue(outcome)));
        if (parties.PayerAddress is not null)
        {
            rows.Add(($"{payer} now", After(outcome.Payer, parties.PayerBalance)));
        }
        if (outcome.Payee is { } report && parties.PayeeAddress is not null)
        {
            rows.Add(($"{payee} now", After(report, parties.PayeeBalance)));
        }
        return rows;
    }

    private static string WhereIsTheValue(PaymentOutcome outcome)
    {
        string payer = outcome.Payer.Name;
        string payee = outcome.Payee?.Name ?? "the payee";
        return outcome.Value switch
        {
            ValueLocation.WithPayer => $"with {payer} (nothing was debited)",
            ValueLocation.WithPayee => $"with {payee}",
            ValueLocation.PayerPendingLog => $"in {payer}'s pending log (epa)",
            ValueLocation.PayerOrPendingLog => $"with {payer}, or in its pending log (epa)",
            ValueLocation.PendingLogOrPayee => $"in {payer}'s pending log (epa), or with {payee}",
            ValueLocation.PayerExceptionLog => $"in {payer}'s exception log (reason 01), for the bank",
            ValueLocation.PayerExceptionLogOrPayee => $"in {payer}'s exception log (reason 01), or with {payee}",
            _ => "not known from this purse alone",
        };
    }

    private static string After(PurseReport report, Money? balance)
    {
        string state = report.State ?? "not reachable";
        return balance is { } b ? $"{b}, {state}" : state;
    }

    /// <summary>The exact commands that finish or settle the payment, with the card addresses given.</summary>
    public static IReadOnlyList<string> NextSteps(PaymentOutcome outcome, PaymentParties parties)
    {
        string payer = ShellWord.Quote(parties.PayerAddress ?? "CARD");
        string payee = ShellWord.Quote(parties.PayeeAddress ?? "CARD");
        var steps = new List<string>();
        switch (outcome.Remedy)
        {
            case PaymentRemedy.Recover:
                steps.Add($"finish it with both cards present: scc recover --from {payer} --to {payee}");
                break;
            case PaymentRemedy.RecoverOrAbandon:
                steps.Add($"finish it with both cards present: scc recover --from {payer} --to {payee}");
                steps.Add($"or give it up: scc recover --abandon --card {payer} (the value goes into {outcome.Payer.Name}'s exception log for the bank)");
                break;
            case PaymentRemedy.RecoverEarlierTransfer:
                PaymentSummary? earlier = outcome.Refusal?.UnfinishedTransfer ?? outcome.Payment;
                string holder = outcome.Refusal?.By == PaymentParty.Payee ? payee : payer;
                if (earlier is null)
                {
                    steps.Add($"finish the earlier transfer first with its two cards: scc recover --from CARD --to CARD; " +
                        $"or give it up: scc recover --abandon --card {holder}");
                }
                else
                {
                    string from = CardOf(earlier.From, outcome, parties), to = CardOf(earlier.To, outcome, parties);
                    string unknown = from == "CARD" ? earlier.From : to == "CARD" ? earlier.To : "";
                    steps.Add($"finish the earlier transfer first: scc recover --from {from} --to {to}" +
                        (unknown.Length > 0 ? $", where CARD is the card of purse {unknown}" : "") +
                        $"; or give it up: scc recover --abandon --card {holder}");
                }
                if (outcome.Refusal?.Reason == RefusalReason.PurseNotIdle)
                {
                    steps.Add("or pay with --force, which aborts the earlier transfer into the purse's exception log first");
                }
                break;
            case PaymentRemedy.BankSettles:
                // Spec 4.4(6): the payer's 01 is refunded only with the payee's matching 02.
                steps.Add(parties.PayerAddress is null
                    ? $"if {outcome.Payer.Name} was debited, the bank refunds it from that purse's record (reason 01) and this one: " +
                      $"scc log --exceptions --card {payee} shows this one"
                    : $"the bank refunds it only when the payee's matching record (reason 02) shows it never arrived: " +
                      $"scc log --exceptions --card {ShellWord.Quote(parties.PayerAddress)} shows {outcome.Payer.Name}'s record");
                break;
            case PaymentRemedy.TryAgain:
                steps.Add("nothing was debited: pay again with both cards present");
                break;
        }
        if (outcome.Kind == PaymentOutcomeKind.CompletedAwaitingAcknowledgement && outcome.Remedy != PaymentRemedy.Recover)
        {
            steps.Add($"deliver the acknowledgement: scc recover --from {payer} --to {payee}");
        }
        bool recovers = outcome.Remedy is PaymentRemedy.Recover or PaymentRemedy.RecoverOrAbandon ||
            outcome.Kind == PaymentOutcomeKind.CompletedAwaitingAcknowledgement;
        if (recovers && parties.PayeeAddress?.StartsWith("tcp://", StringComparison.Ordinal) == true)
        {
            // A connection that stalled rather than closed keeps the card held at the receiver until its timeout.
            steps.Add($"if {payee} is still busy with the interrupted connection, recover waits for it (the receiver lets go " +
                $"within {PayeeListenerOptions.DefaultMessageTimeout.TotalSeconds:0} s); if it still says busy, wait and run it again");
        }
        return steps;
    }

    /// <summary>The address of the card holding <paramref name="purse"/>, when it is one of the two given; else "CARD (purse …)".</summary>
    private static string CardOf(string purse, PaymentOutcome outcome, PaymentParties parties) =>
        purse == outcome.Payer.PurseId && parties.PayerAddress is not null ? ShellWord.Quote(parties.PayerAddress)
        : purse == outcome.Payee?.PurseId && parties.PayeeAddress is not null ? ShellWord.Quote(parties.PayeeAddress)
        : "CARD";

    private static string Words(string camel) =>
        string.Concat(camel.Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
