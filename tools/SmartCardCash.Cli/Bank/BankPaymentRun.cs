using System.Security.Cryptography;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Commands;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Bank;

/// <summary>
/// What <c>scc load</c> and <c>scc deposit</c> share: the terminal's checks (trusted issuer, hotlists), the request ID
/// (given, or generated and shown so a retry can reuse it), the payment through the ordinary coordinator with its
/// recovery, and the payer's signed val kept in the terminal journal as <c>scc pay</c> keeps it.
/// </summary>
internal sealed class BankPaymentRun(CliContext context, CommandRun run)
{
    private readonly PaymentCoordinator _coordinator = new(run.Logging.CreateLogger(PayCommand.LogCategory));

    /// <summary>The given request ID, or a new one: <c>load-20261207T231500-1a2b3c4d</c>.</summary>
    public static string RequestId(string? given, string kind, CliContext context) =>
        given is { Length: > 0 } ? given : $"{kind}-{context.Time.GetUtcNow():yyyyMMdd'T'HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    /// <summary>The card's purse ID (the card selected); a card without one is a usage error.</summary>
    public static PurseId PurseIdOf(PurseConnection card) =>
        card.Purse.Select().PurseId ?? throw new UsageException($"--card: {card.Name} is not personalised: it has no purse ID");

    /// <summary>"Load ID (to retry it: --request-id ID)": the text's first line, written before anything is paid, so
    /// that a terminal which dies mid-payment has shown how to finish it.</summary>
    public void Announce(string kind, string requestId)
    {
        if (!run.Settings.Json)
        {
            context.Stdout.WriteLine($"{kind} {requestId} (to retry it: --request-id {requestId})");
        }
    }

    /// <summary>The terminal's policy, as <c>scc pay</c> applies it: the issuer of this home, its own and the signed hotlist.</summary>
    public PaymentPolicy Policy()
    {
        PurseCertificate trustedIssuer = TrustAnchor.Load(context, null);
        Hotlist hotlist = new HotlistFile(Hotlist.DefaultPath(context.Home), mustExist: false,
            SignedHotlistFile.InHome(context.Home), trustedIssuer).Current;
        return new PaymentPolicy(trustedIssuer, hotlist, context.Time);
    }

    /// <summary>Pays, and if the payment was interrupted (a card or the bank gone for a moment) recovers it once more
    /// from both purses' states before the bank is told it is over.</summary>
    public PaymentOutcome Pay(PurseCard payer, PurseCard payee, Money amount)
    {
        PaymentOutcome outcome = _coordinator.Pay(payer, payee, new PaymentRequest(amount), Policy());
        return outcome.Kind == PaymentOutcomeKind.Interrupted ? Recover(payer, payee, outcome) : outcome;
    }

    /// <summary>Finishes the unfinished transfer between the two (a retried request whose payment was cut).</summary>
    public PaymentOutcome Recover(PurseCard payer, PurseCard payee, PaymentOutcome? before = null)
    {
        try
        {
            return _coordinator.Recover(payer, payee);
        }
        catch (Iso7816.Errors.SmartCardException) when (before is not null)
        {
            return before; // still out of reach: the first outcome says where the value is
        }
    }

    /// <summary>The payer's signed val in the terminal journal (the bank clears it); null when the payment gave none.</summary>
    public KeptEvidence? Keep(PaymentOutcome? outcome, string source) =>
        outcome?.SignedPayment is { } signed ? new EvidenceJournal(context).Keep(signed, source) : null;

    /// <summary>The exit code of the payment as <c>scc pay</c> gives it (7 when its evidence could not be kept).</summary>
    public static int ExitCode(PaymentOutcome outcome, KeptEvidence? evidence) =>
        evidence is { Kept: false } ? ExitCodes.LocalData : PaymentExitCodes.ForPayment(outcome);

    /// <summary>With --json, the command's one document: <paramref name="document"/>, given the payment as <c>scc pay</c>
    /// reports it (null when this run paid nothing). Otherwise the payment's own report, when there was a payment; the
    /// command's own lines follow it.</summary>
    public void Write<T>(PaymentOutcome? outcome, PaymentParties parties, int exitCode, KeptEvidence? evidence, Func<PaymentOutcomeJson?, T> document)
    {
        if (run.Settings.Json)
        {
            JsonOutput.WriteDocument(context.Stdout, document(outcome is null ? null
                : PaymentReport.ToJson(outcome, parties, PaymentReport.NextSteps(outcome, parties), exitCode, evidence)));
        }
        else if (outcome is not null)
        {
            new PaymentReport(context, run.Settings).Write(outcome, parties, exitCode, evidence);
        }
    }
}
