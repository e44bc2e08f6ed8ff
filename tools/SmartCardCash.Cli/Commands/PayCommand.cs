using System.CommandLine;
using System.Security.Cryptography;
using System.Text;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Input;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc pay</c>: a card-to-card payment through the <see cref="PaymentCoordinator"/>, with the terminal's checks
/// (trusted issuer, expiry, hotlist, classes, currency, unfinished transfers) and the exact outcome.
/// </summary>
internal sealed class PayCommand : CliCommand
{
    /// <summary>The logger category of the coordinator's steps (shown with --verbose).</summary>
    public const string LogCategory = "payment";

    private readonly Option<string> _from = new("--from")
    {
        Description = "The payer's card: emu:NAME, pcsc:READER or a card name (a remote card cannot pay).",
        HelpName = "card",
        Required = true,
    };
    private readonly Option<string> _to = new("--to")
    {
        Description = "The payee's card: emu:NAME, pcsc:READER, a card name, or tcp://HOST:PORT (a card that 'scc receive' serves).",
        HelpName = "card",
        Required = true,
    };
    private readonly Option<string> _amount = new("--amount")
    {
        Description = "How much, in the currency's major units: 12.50.",
        HelpName = "amount",
        Required = true,
    };
    private readonly Option<string> _currency = new("--currency")
    {
        Description = "The currency: EUR, GBP, JPY …",
        HelpName = "code",
        Required = true,
    };
    private readonly Option<string?> _orderDigest = new("--order-digest")
    {
        Description = "The merchant's order digest, SHA-256 in hex (64 digits), bound into the payment details.",
        HelpName = "hex",
    };
    private readonly Option<string?> _order = new("--order")
    {
        Description = "The order text; its SHA-256 becomes the order digest.",
        HelpName = "text",
    };
    private readonly Option<string?> _code = new("--code")
    {
        Description = "The payer's lock code, for a contactless payment above its contactless limit; - reads it from standard input.",
        HelpName = "code",
    };
    private readonly Option<string?> _hotlist = new("--hotlist")
    {
        Description = $"The terminal's own hotlist: purse IDs in hex, one per line, # comments. Default: $SCC_HOME/{Hotlist.FileName} " +
            $"(none if absent). The issuer's signed list, $SCC_HOME/{SignedHotlistFile.FileName}, is honoured as well once installed.",
        HelpName = "file",
    };
    private readonly Option<string?> _issuerCertificate = new("--issuer-certificate")
    {
        Description = "The trusted issuer certificate (issuer-certificate.cvc). Default: the issuer's in $SCC_HOME/issuer.",
        HelpName = "file",
    };
    private readonly Option<bool> _force = new("--force")
    {
        Description = "Pay even when a purse holds an unfinished earlier transfer: START aborts it first, into that purse's " +
            "exception log, and it can no longer be finished with 'scc recover'.",
    };

    public PayCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "pay", HelpTexts.PayDescription)
    {
        Add(_from, _to, _amount, _currency, _orderDigest, _order, _code, _hotlist, _issuerCertificate, _force);
    }

    protected override int Execute(CommandRun run)
    {
        CardAddress from = Address(run.Get(_from), "--from");
        CardAddress to = Address(run.Get(_to), "--to");
        if (from.Kind == CardAddressKind.Remote)
        {
            throw new UsageException("--from: a remote card only receives; the payer must be a card here (tcp:// is for --to)");
        }

        Currency currency = MoneyInput.Currency(run.Get(_currency));
        Money amount = MoneyInput.Amount(run.Get(_amount), currency, "--amount", positive: true);
        byte[] digest = OrderDigest(run.Get(_orderDigest), run.Get(_order));
        string? hotlistFile = run.Get(_hotlist);
        PurseCertificate trustedIssuer = TrustAnchor.Load(Context, run.Get(_issuerCertificate));
        // The terminal's own list and the issuer's signed one, once installed: a purse on either is refused.
        Hotlist hotlist = new HotlistFile(hotlistFile ?? Hotlist.DefaultPath(Context.Home), mustExist: hotlistFile is not null,
            SignedHotlistFile.InHome(Context.Home), trustedIssuer).Current;
        var policy = new PaymentPolicy(trustedIssuer, hotlist, Context.Time);
        string? codeOption = run.Get(_code);
        string? code = codeOption is null ? null : new LockCodeInput(Context).Read(codeOption, "--code");
        var request = new PaymentRequest(amount, digest) { LockCode = code, Force = run.Get(_force) };

        if (SameCard(from, to, run))
        {
            throw new UsageException($"--from and --to are the same card ({from}): a purse cannot pay itself");
        }
        using PurseConnection payer = run.OpenPurse(from);
        using PurseConnection payee = run.OpenPurse(to);
        var coordinator = new PaymentCoordinator(run.Logging.CreateLogger(LogCategory));
        PaymentOutcome outcome = coordinator.Pay(payer.Purse, payee.Purse, request, policy);
        LocalCardFailure.ThrowIfNothingWasPaid(outcome, payer, payee);

        var parties = new PaymentParties(payer.Address.ToString(), payee.Address.ToString(),
            BalanceAfter(payer, outcome, currency), BalanceAfter(payee, outcome, currency));
        KeptEvidence? evidence = outcome.SignedPayment is { } signed ? new EvidenceJournal(Context).Keep(signed, "pay") : null;
        int exitCode = evidence is { Kept: false } ? ExitCodes.LocalData : PaymentExitCodes.ForPayment(outcome);
        new PaymentReport(Context, run.Settings).Write(outcome, parties, exitCode, evidence);
        return exitCode;
    }

    /// <summary>The pocket's balance after the payment, where the card shows it (a remote payee does not: null).</summary>
    internal static Money? BalanceAfter(PurseConnection card, PaymentOutcome outcome, Currency currency)
    {
        if (card.Address.Kind == CardAddressKind.Remote || outcome.Refusal?.Reason == RefusalReason.CardUnreachable)
        {
            return null;
        }
        try
        {
            return card.Purse.GetBalances().FirstOrDefault(b => b.Currency == currency.Code) is { } pocket
                ? Money.Of(currency, pocket.Balance)
                : null;
        }
        catch (SmartCardException)
        {
            return null;
        }
    }

    /// <summary>"shop" and "emu:shop" are one card: compared once resolved (which opens nothing).</summary>
    private static bool SameCard(CardAddress from, CardAddress to, CommandRun run)
    {
        if (from == to)
        {
            return true;
        }
        try
        {
            CardOpener opener = run.CreateOpener();
            return opener.Resolve(from) == opener.Resolve(to);
        }
        catch (SmartCardException)
        {
            // A name that resolves to nothing is reported when the card is opened.
            return false;
        }
    }

    private CardAddress Address(string? text, string option)
    {
        try
        {
            return CardAddress.Parse(text ?? "");
        }
        catch (FormatException e)
        {
            throw new UsageException($"{option}: {ErrorReporter.OneLine(e.Message)}");
        }
    }

    private static byte[] OrderDigest(string? hex, string? text)
    {
        if (hex is not null && text is not null)
        {
            throw new UsageException("give --order-digest or --order, not both");
        }
        if (text is not null)
        {
            return SHA256.HashData(Encoding.UTF8.GetBytes(text));
        }
        if (hex is null)
        {
            return [];
        }
        byte[] digest;
        try
        {
            digest = Hex.Decode(hex);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--order-digest: {ErrorReporter.OneLine(e.Message)}");
        }
        return digest.Length == PurseConstants.DigestLength
            ? digest
            : throw new UsageException($"--order-digest: a SHA-256 digest is {PurseConstants.DigestLength} bytes (64 hex digits); got {digest.Length}");
    }
}
