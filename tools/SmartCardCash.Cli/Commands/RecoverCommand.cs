using System.CommandLine;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc recover --from CARD --to CARD</c> finishes (or settles) an interrupted payment from the cards' own states
/// (spec 4.7: RESUME where it can still complete, abort where it cannot); <c>scc recover --abandon --card CARD</c>
/// gives up the transfer on one purse, into its exception log for the bank.
/// </summary>
internal sealed class RecoverCommand : CliCommand
{
    private static readonly TimeSpan BusyRetryInterval = TimeSpan.FromMilliseconds(250);

    private readonly Option<string?> _from = new("--from")
    {
        Description = "The payer's card of the interrupted payment. Required unless --abandon.",
        HelpName = "card",
    };
    private readonly Option<string?> _to = new("--to")
    {
        Description = "The payee's card of the interrupted payment (tcp://HOST:PORT for a remote one). Required unless --abandon.",
        HelpName = "card",
    };
    private readonly Option<bool> _abandon = new("--abandon")
    {
        Description = "Give up the transfer in progress on --card: ABORT, which logs it in the purse's exception log where " +
            "value was in flight, for the bank. Use it when the other card is gone for good: a payer's record (reason 01) is " +
            "refunded only when the payee's matching record (reason 02) shows the value never arrived.",
    };
    private readonly Option<string?> _card = CardOption.Create("With --abandon, the card to give up the transfer on", "Needed with --abandon");

    public RecoverCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "recover", HelpTexts.RecoverDescription)
    {
        Add(_from, _to, _abandon, _card);
    }

    protected override int Execute(CommandRun run)
    {
        string? from = run.Get(_from), to = run.Get(_to), cardOption = run.Get(_card);
        bool abandon = run.Get(_abandon);
        if (abandon && (from is not null || to is not null))
        {
            throw new UsageException("--abandon takes --card only: it gives up the transfer on one purse");
        }
        if (!abandon && (from is null || to is null))
        {
            throw new UsageException("give --from and --to (the payment's two cards), or --abandon --card CARD");
        }
        if (!abandon && cardOption is not null)
        {
            throw new UsageException("--card goes with --abandon; to finish a payment give --from and --to");
        }

        var coordinator = new PaymentCoordinator(run.Logging.CreateLogger(PayCommand.LogCategory));
        PaymentOutcome outcome;
        PaymentParties parties;
        KeptEvidence? evidence = null;
        if (abandon)
        {
            using PurseConnection card = run.OpenPurse(run.ResolveCard(_card));
            outcome = coordinator.Abandon(card.Purse);
            Money? balance = Balance(card, outcome);
            bool isPayee = outcome.Payee is { Reachable: true } payee && payee.Name == card.Purse.Name;
            parties = isPayee
                ? new PaymentParties(null, card.Address.ToString(), null, balance)
                : new PaymentParties(card.Address.ToString(), null, balance, null);
        }
        else
        {
            CardAddress payerAddress = Parse(from!, "--from"), payeeAddress = Parse(to!, "--to");
            if (payerAddress == payeeAddress)
            {
                throw new UsageException($"--from and --to are the same card ({payerAddress})");
            }
            using PurseConnection payer = run.OpenPurse(payerAddress);
            using PurseConnection payee = OpenPayee(run, payeeAddress);
            outcome = coordinator.Recover(payer.Purse, payee.Purse);
            parties = new PaymentParties(payer.Address.ToString(), payee.Address.ToString(), Balance(payer, outcome),
                payee.Address.Kind == CardAddressKind.Remote ? null : Balance(payee, outcome));
            if (outcome.SignedPayment is { } signed)
            {
                evidence = new EvidenceJournal(Context).Keep(WithPayerCertificate(signed, payer), "recover");
            }
        }
        int exitCode = evidence is { Kept: false } ? ExitCodes.LocalData : PaymentExitCodes.ForRecovery(outcome);
        new PaymentReport(Context, run.Settings).Write(outcome, parties, exitCode, evidence);
        return exitCode;
    }

    /// <summary>
    /// A remote payee may still be held by the stalled connection of the very payment being recovered: its listener
    /// lets go once no command has come for its message timeout (30 s), so "busy" is waited out that long and more.
    /// </summary>
    private PurseConnection OpenPayee(CommandRun run, CardAddress address)
    {
        DateTime giveUp = DateTime.UtcNow + RemoteCardOptions.DefaultBusyWait;
        bool told = false;
        while (true)
        {
            try
            {
                return run.OpenPurse(address);
            }
            catch (RemoteCardUnavailableException e) when (e.IsBusy && DateTime.UtcNow < giveUp && !Context.Interrupt.IsCancellationRequested)
            {
                if (!told)
                {
                    Context.Stderr.WriteLine($"scc: {address} is busy (perhaps still held by the interrupted connection); " +
                        $"waiting up to {RemoteCardOptions.DefaultBusyWait.TotalSeconds:0} s for it");
                    told = true;
                }
                Context.Interrupt.WaitHandle.WaitOne(BusyRetryInterval);
            }
        }
    }

    /// <summary>Recovery reads no certificate: the payer's is read now for the journal, when the card still answers.</summary>
    private static SignedPayment WithPayerCertificate(SignedPayment signed, PurseConnection payer)
    {
        try
        {
            PurseCertificate certificate = payer.Purse.GetCertificate();
            return certificate.Body.Holder == signed.Details.From ? signed.WithPayerCertificate(certificate) : signed;
        }
        catch (SmartCardCash.Iso7816.Errors.SmartCardException)
        {
            // Without it the bank finds the certificate by the payer's purse ID, which the PD holds.
            return signed;
        }
    }

    private static Money? Balance(PurseConnection card, PaymentOutcome outcome)
    {
        if (outcome.Payment is not { } payment || !Currency.TryFromCode(payment.Details.Currency, out Currency? currency))
        {
            return null;
        }
        return PayCommand.BalanceAfter(card, outcome, currency);
    }

    private static CardAddress Parse(string text, string option)
    {
        try
        {
            return CardAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option}: {ErrorReporter.OneLine(e.Message)}");
        }
    }
}
