using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Gates;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Remote;

/// <summary>
/// The Mondex Telephone's receiving end: a TCP listener that exposes <b>only the payee role</b> of a local card. A
/// remote payer can pay into the card, and never take value out of it or read its balances or logs:
/// <see cref="PayeeCommandGate"/> lets through only what the payee's part of a payment needs, and answers everything
/// else itself (6900) without the card seeing it. See <see cref="RemoteProtocol"/> for the wire format.
/// </summary>
/// <remarks>
/// <para>Bounds: loopback unless another endpoint is given; one connection at a time holds the card (one payment at a
/// time per card: a second connection gets "busy" and is closed); at most
/// <see cref="PayeeListenerOptions.MaxConnections"/> connections at once; a hello within
/// <see cref="PayeeListenerOptions.HandshakeTimeout"/>, each next command within
/// <see cref="PayeeListenerOptions.MessageTimeout"/>, a whole connection within
/// <see cref="PayeeListenerOptions.MaxConnectionTime"/>; frames no longer than a short APDU.</para>
/// <para>The network is untrusted and needs no trust: the purses authenticate every protected message end to end. When a
/// connection drops, the card is left as it is: a card waiting for the val (epv) can still be paid when the payer
/// reconnects and resumes; a later START TO aborts that transfer first, as the purse always does.</para>
/// <para><see cref="EventRaised"/> is raised on the connections' threads; <see cref="PayeeEventKind.SessionClosed"/>
/// is raised while the connection still holds the card.</para>
/// </remarks>
public sealed class PayeeListener : IDisposable
{
    private readonly SemaphoreSlim _cardLock = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger _log;
    private TcpListener? _listener;
    private int _connections;
    private Exception? _cardFailure;
    private bool _disposed;

    private (PaymentDetails Details, DateTimeOffset Since)? _waitingForVal;

    /// <param name="card">The local card (its purse is the payee). The listener does not own it.</param>
    public PayeeListener(ICardChannel card, PayeeListenerOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(card);
        Card = card;
        Options = options ?? new PayeeListenerOptions();
        _log = logger ?? NullLogger.Instance;
    }

    public event EventHandler<PayeeEvent>? EventRaised;

    public ICardChannel Card { get; }

    public PayeeListenerOptions Options { get; }

    /// <summary>Where the listener is bound, once started (the real port when port 0 was asked for).</summary>
    public IPEndPoint? LocalEndpoint => _listener?.LocalEndpoint as IPEndPoint;

    /// <summary>The served purse's ID, once <see cref="Start"/> has looked at the card.</summary>
    public PurseId? PurseId { get; private set; }

    /// <summary>
    /// Looks at the card, binds and starts listening; returns the endpoint. <see cref="RunAsync"/> then serves connections.
    /// </summary>
    /// <exception cref="UnfinishedPayerTransferException">The card is in the middle of paying (epr, epa): recover that first.</exception>
    /// <exception cref="InvalidOperationException">The card holds no personalised purse.</exception>
    /// <exception cref="SmartCardException">The card cannot be read.</exception>
    /// <exception cref="SocketException">The address is in use or cannot be bound.</exception>
    public IPEndPoint Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_listener is null)
        {
            InspectCard();
            var listener = new TcpListener(Options.Endpoint);
            listener.Start(Options.MaxConnections);
            _listener = listener;
            Raise(new PayeeEvent(PayeeEventKind.Listening, Options.Time.GetUtcNow(),
                $"receiving payments into {Options.CardName} at tcp://{FormatEndpoint(LocalEndpoint!)}"));
        }
        return LocalEndpoint!;
    }

    /// <summary>
    /// Serves connections until <paramref name="stop"/> is cancelled, then waits for open connections to end (each ends at
    /// once: a stopped listener closes its connections). If the card fails, stops and throws that failure.
    /// </summary>
    public async Task RunAsync(CancellationToken stop)
    {
        Start();
        using var running = CancellationTokenSource.CreateLinkedTokenSource(stop, _stopping.Token);
        var connections = new List<Task>();
        try
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener!.AcceptTcpClientAsync(running.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                catch (SocketException) when (running.IsCancellationRequested)
                {
                    break;
                }
                connections.RemoveAll(t => t.IsCompleted);
                if (Interlocked.Increment(ref _connections) > Options.MaxConnections)
                {
                    Interlocked.Decrement(ref _connections);
                    connections.Add(TurnAwayAsync(client, running.Token));
                    continue;
                }
                connections.Add(ServeAsync(client, running.Token));
            }
        }
        finally
        {
            _listener!.Stop();
            await Task.WhenAll(connections).ConfigureAwait(false);
        }
        if (_cardFailure is not null)
        {
            ExceptionDispatchInfo.Throw(_cardFailure);
        }
    }

    /// <summary>Stops <see cref="RunAsync"/> (as cancelling its token does).</summary>
    public void Stop() => _stopping.Cancel();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _stopping.Cancel();
        _listener?.Stop();
        _stopping.Dispose();
        _cardLock.Dispose();
    }

    internal static string FormatEndpoint(IPEndPoint endpoint) => endpoint.AddressFamily == AddressFamily.InterNetworkV6
        ? $"[{endpoint.Address}]:{endpoint.Port}"
        : $"{endpoint.Address}:{endpoint.Port}";

    internal void Raise(PayeeEvent e)
    {
        RemoteLog.Event(_log, e.Kind, e.Message);
        EventRaised?.Invoke(this, e);
    }

    internal void LogExchange(string remote, string command, StatusWord statusWord) =>
        RemoteLog.Exchanged(_log, remote, command, statusWord.ToString());

    /// <summary>The card itself failed: every connection ends and <see cref="RunAsync"/> throws this.</summary>
    internal void CardFailed(SmartCardException failure)
    {
        Interlocked.CompareExchange(ref _cardFailure, failure, null);
        Raise(new PayeeEvent(PayeeEventKind.CardFailed, Options.Time.GetUtcNow(),
            $"{Options.CardName} failed ({failure.Message.TrimEnd('.')}): the listener stops"));
        _stopping.Cancel();
    }

    /// <summary>The card's transfer state and pending payment details (GET DATA, which changes nothing).</summary>
    internal PendingTransfer ReadTransfer() => PurseCard.Open(Card, Options.CardName).GetPendingTransfer();

    /// <summary>
    /// How long the card has been waiting for the val of <paramref name="details"/>, as far as this listener knows:
    /// from the first time it asked about that transfer (a listener started over an epv card counts from its start).
    /// Connections take the card one at a time, so the record needs no lock of its own beyond the card's.
    /// </summary>
    internal TimeSpan WaitingForValFor(PaymentDetails details)
    {
        DateTimeOffset now = Options.Time.GetUtcNow();
        if (_waitingForVal is not { } seen || !seen.Details.Equals(details))
        {
            _waitingForVal = (details, now);
            return TimeSpan.Zero;
        }
        return now - seen.Since;
    }

    /// <summary>Takes the card for a connection, or says it is busy (one payment at a time per card).</summary>
    internal bool TryTakeCard() => _cardLock.Wait(0);

    internal void ReleaseCard() => _cardLock.Release();

    /// <summary>
    /// Only a purse that is not itself paying is served: in epr or epa, a remote START TO would abort its transfer and
    /// RESUME would hand out its val.
    /// </summary>
    private void InspectCard()
    {
        var purse = PurseCard.Open(Card, Options.CardName);
        PurseFci fci = purse.Select();
        PurseId = fci.PurseId ?? throw new InvalidOperationException($"{Options.CardName} holds no personalised purse to receive into");
        if (fci.TransferState is TransferState.ExpectingReq or TransferState.ExpectingAck)
        {
            PendingTransfer pending = purse.GetPendingTransfer();
            string what = PurseReport.StateName(pending.State) + (pending.Details is { } details ? $", {new PaymentSummary(details)}" : "");
            throw new UnfinishedPayerTransferException(
                $"{Options.CardName} holds an unfinished payment as the payer ({what}): it is not served until that is recovered", pending);
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stop)
    {
        try
        {
            await Task.Yield();
            await new PayeeConnection(this, client, stop).RunAsync().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _connections);
        }
    }

    private async Task TurnAwayAsync(TcpClient client, CancellationToken stop)
    {
        using (client)
        {
            string remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stop);
                timeout.CancelAfter(Options.HandshakeTimeout);
                await client.GetStream().WriteAsync(PayeeConnection.ServerHello(RemoteHelloStatus.TooManyConnections, CardProtocol.Unknown, default),
                    timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // It is being turned away anyway.
            }
            Raise(new PayeeEvent(PayeeEventKind.ConnectionRefused, Options.Time.GetUtcNow(),
                $"turned away {remote}: {Options.MaxConnections} connections are open already")
            { Remote = remote });
        }
    }
}
