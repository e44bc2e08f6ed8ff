using System.CommandLine;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Cards;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Help;
using SmartCardCash.Cli.Output;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Commands;

/// <summary>
/// <c>scc receive</c>: the Mondex Telephone's receiving end. Serves the payee role of a local card on TCP (loopback
/// unless told otherwise) until Ctrl+C, or one payment with --once, printing each payment received or refused as it
/// happens. The listener raises events on its own threads; they are queued and written here, so lines never interleave.
/// </summary>
internal sealed class ReceiveCommand : PurseCommand
{
    private readonly Option<string?> _listen = new("--listen")
    {
        Description = $"Where to listen, HOST:PORT. Default: 127.0.0.1:{PayeeListenerOptions.DefaultPort} (loopback only). " +
            "Another address must be given explicitly and is warned about; port 0 picks a free one.",
        HelpName = "host:port",
    };
    private readonly Option<bool> _once = new("--once")
    {
        Description = "Stop after the first payment attempt (a session in which a payer started a payment): exit 0 received, " +
            "1 refused, 5 left unfinished.",
    };
    private readonly Option<string?> _timeout = new("--timeout")
    {
        Description = "Stop listening after this long: 90, 90s, 5m. With --once and no payment by then, exit 3.",
        HelpName = "duration",
    };
    private readonly Option<string?> _hotlist = new("--hotlist")
    {
        Description = $"Payers to refuse: purse IDs in hex, one per line, # comments (as for 'scc pay'). Default: " +
            $"$SCC_HOME/{Hotlist.FileName} (none if absent). The issuer's signed list, $SCC_HOME/{SignedHotlistFile.FileName}, " +
            "is honoured as well once installed. Both are read again whenever they change.",
        HelpName = "file",
    };
    private readonly Option<string?> _issuerCertificate = new("--issuer-certificate")
    {
        Description = "The trusted issuer certificate payers' certificates must be from (issuer-certificate.cvc). Default: " +
            "the issuer's in $SCC_HOME/issuer, else the one the card holds.",
        HelpName = "file",
    };

    public ReceiveCommand(GlobalOptions globals, CliContext context)
        : base(globals, context, "receive", HelpTexts.ReceiveDescription)
    {
        Add(_listen, _once, _timeout, _hotlist, _issuerCertificate);
    }

    protected override int Execute(CommandRun run)
    {
        bool json = run.Settings.Json;
        CardAddress address = ResolveCard(run);
        if (address.Kind == CardAddressKind.Remote)
        {
            throw new UsageException("--card: receive serves a card here; a remote card (tcp://) is served by its own 'scc receive'");
        }
        IPEndPoint endpoint = ListenAddress.Parse(run.Get(_listen));
        TimeSpan? timeout = DurationInput.Parse(run.Get(_timeout), "--timeout");
        bool once = run.Get(_once);
        // The payer's own program checks these too, but it is not to be trusted: the receiving side checks for itself.
        string? hotlistFile = run.Get(_hotlist);
        string? issuerFile = run.Get(_issuerCertificate);

        using PurseConnection card = run.OpenPurse(address);
        PurseFci fci = card.Purse.Select();
        if (fci.PurseId is null)
        {
            throw new UsageException($"{card.Name} holds no personalised purse to receive into");
        }
        if (!IPAddress.IsLoopback(endpoint.Address))
        {
            Context.Stderr.WriteLine($"scc: warning: listening on {endpoint}, not on loopback: anyone who can reach it can " +
                $"pay into {card.Name} (and do nothing else with it)");
        }

        PurseCertificate trustedIssuer = TrustedIssuer(issuerFile, card);
        // The terminal's own list and the issuer's signed one, read again whenever either changes: a purse the bank bars
        // while the listener runs is refused from then on.
        var hotlist = new HotlistFile(hotlistFile ?? Hotlist.DefaultPath(Context.Home), mustExist: hotlistFile is not null,
            SignedHotlistFile.InHome(Context.Home), trustedIssuer);
        var queue = Channel.CreateUnbounded<PayeeEvent>(new UnboundedChannelOptions { SingleReader = true });
        using var listener = new PayeeListener(card.Connection.Channel, new PayeeListenerOptions
        {
            Endpoint = endpoint,
            CardName = card.Name,
            Time = Context.Time,
            CurrentHotlist = () => hotlist.Current,
            TrustedIssuer = trustedIssuer,
        }, run.Logging.CreateLogger("receive"));
        listener.EventRaised += (_, e) => queue.Writer.TryWrite(e);
        try
        {
            listener.Start();
        }
        catch (UnfinishedPayerTransferException e)
        {
            string payee = e.Pending.Details is { } details ? $"CARD (the card of purse {details.To})" : "CARD";
            Context.Stderr.WriteLine($"scc: {ErrorReporter.OneLine(e.Message)}; finish it first with 'scc recover --from " +
                $"{ShellWord.Quote(card.Address.ToString())} --to {payee}', or give it up with 'scc recover --abandon --card " +
                $"{ShellWord.Quote(card.Address.ToString())}'");
            return ExitCodes.PaymentInterrupted;
        }
        catch (SmartCardCash.Iso7816.Errors.SmartCardException e)
        {
            throw new CardExchangeException(e);
        }
        catch (SocketException e)
        {
            throw new UsageException($"--listen: cannot listen on {endpoint} ({e.SocketErrorCode}); choose another address or port");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Context.Interrupt);
        if (timeout is { } limit)
        {
            stop.CancelAfter(limit);
        }
        Task running = listener.RunAsync(stop.Token);
        if (!json)
        {
            Context.Stderr.WriteLine($"Receiving into {card.Name} (purse {fci.PurseId}) at tcp://{Format(listener.LocalEndpoint!)}; " +
                (once ? "stopping after one payment." : "press Ctrl+C to stop."));
        }

        PayeeConnectionResult? result = null;
        var journal = new EvidenceJournal(Context);
        bool evidenceLost = false;
        // Each payment received is journalled before its event is written, so the event can say where its evidence is.
        void Handle(PayeeEvent e)
        {
            KeptEvidence? evidence = e.SignedPayment is { } signed ? journal.Keep(signed, "receive") : null;
            Write(e, json, listener, evidence);
            if (evidence is { Kept: false })
            {
                // The value is on the card; only its evidence is missing. No more payments without it.
                Context.Stderr.WriteLine($"scc: {EvidenceJournal.NotKept(card.Name, e.SignedPayment!, evidence)}; stopped receiving");
                evidenceLost = true;
                stop.Cancel();
            }
        }
        try
        {
            while (true)
            {
                while (queue.Reader.TryRead(out PayeeEvent? e))
                {
                    Handle(e);
                    if (once && e.Kind == PayeeEventKind.SessionClosed && e.Result is { } r && r != PayeeConnectionResult.NoPayment)
                    {
                        result = r;
                        stop.Cancel();
                    }
                }
                if (running.IsCompleted)
                {
                    break;
                }
                Task.WaitAny([queue.Reader.WaitToReadAsync().AsTask(), running]);
            }
            running.GetAwaiter().GetResult();
        }
        catch (SmartCardCash.Iso7816.Errors.SmartCardException e)
        {
            throw new CardExchangeException(e);
        }
        while (queue.Reader.TryRead(out PayeeEvent? e))
        {
            Handle(e);
        }

        if (evidenceLost)
        {
            return ExitCodes.LocalData;
        }
        if (!once)
        {
            return ExitCodes.Success;
        }
        return result switch
        {
            PayeeConnectionResult.Received => ExitCodes.Success,
            PayeeConnectionResult.Refused => ExitCodes.CardError,
            PayeeConnectionResult.Unfinished => ExitCodes.PaymentInterrupted,
            _ when Context.Interrupt.IsCancellationRequested => ExitCodes.Success,
            _ => NoPayment(),
        };
    }

    /// <summary>
    /// The issuer a payer's certificate must be from: the file given, else the local issuer's, else the one the card
    /// itself trusts (its GET DATA issuer certificate) — which at least names the issuer in the listener's refusals.
    /// </summary>
    private PurseCertificate TrustedIssuer(string? file, PurseConnection card)
    {
        if (file is not null || TrustAnchor.InHome(Context))
        {
            return TrustAnchor.Load(Context, file);
        }
        try
        {
            return card.Purse.GetIssuerCertificate();
        }
        catch (SmartCardCash.Iso7816.Errors.SmartCardException e)
        {
            throw new CardExchangeException(e);
        }
    }

    private int NoPayment()
    {
        Context.Stderr.WriteLine("scc: no payment came before the timeout");
        return ExitCodes.Unavailable;
    }

    private void Write(PayeeEvent e, bool json, PayeeListener listener, KeptEvidence? evidence)
    {
        DateTimeOffset local = TimeZoneInfo.ConvertTime(e.Time, Context.Time.LocalTimeZone);
        if (json)
        {
            string? address = e.Kind == PayeeEventKind.Listening && listener.LocalEndpoint is { } bound ? $"tcp://{Format(bound)}" : null;
            JsonOutput.WriteLine(Context.Stdout, new PayeeEventJson(
                local.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture), PaymentsJson.Name(e.Kind), e.Message,
                address, e.Remote, PaymentsJson.Payment(e.Payment), e.Command, e.StatusWord, e.Result is { } r ? PaymentsJson.Name(r) : null,
                PaymentsJson.Money(e.BalanceAfter),
                evidence is null ? null : new JournalJson(evidence.Path, evidence.Kept, evidence.Problem)));
            return;
        }
        if (e.Kind == PayeeEventKind.Listening)
        {
            return;
        }
        Context.Stdout.WriteLine($"{local.ToString("HH:mm:ss", CultureInfo.InvariantCulture)}  {e.Message}");
    }

    private static string Format(IPEndPoint endpoint) => endpoint.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{endpoint.Address}]:{endpoint.Port}"
        : $"{endpoint.Address}:{endpoint.Port}";
}
