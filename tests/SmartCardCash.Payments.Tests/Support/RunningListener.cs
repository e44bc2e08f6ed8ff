using System.Collections.Concurrent;
using System.Net;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Tests.Support;
using SmartCardCash.Remote;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>A <see cref="PayeeListener"/> over a test card on a loopback port of its own, serving in the background.</summary>
internal sealed class RunningListener : IDisposable
{
    /// <summary>Liveness only: long enough never to fire on a slow machine, short enough that a hang fails the test.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    private readonly CancellationTokenSource _stop = new();

    /// <remarks>
    /// A listener given no clock of its own runs on the test clock (<see cref="FixedTime"/>), the one the test purses'
    /// certificates were issued by: on the system clock they would expire (4 years after <see cref="FixedTime.Instant"/>)
    /// and every payer would be refused from then on.
    /// </remarks>
    public RunningListener(ICardChannel card, PayeeListenerOptions? options = null)
    {
        options ??= new PayeeListenerOptions();
        Listener = new PayeeListener(card, options with
        {
            Endpoint = new IPEndPoint(IPAddress.Loopback, 0),
            Time = ReferenceEquals(options.Time, TimeProvider.System) ? new FixedTime() : options.Time,
        });
        Listener.EventRaised += (_, e) => Events.Enqueue(e);
        Endpoint = Listener.Start();
        Running = Listener.RunAsync(_stop.Token);
    }

    public PayeeListener Listener { get; }

    public IPEndPoint Endpoint { get; }

    public Task Running { get; }

    public ConcurrentQueue<PayeeEvent> Events { get; } = new();

    public string Address => $"tcp://127.0.0.1:{Endpoint.Port}";

    public RemoteCardChannel Connect(RemoteCardOptions? options = null) => new("127.0.0.1", Endpoint.Port, options);

    /// <summary>Waits (liveness only) until an event of <paramref name="kind"/> has been raised; returns it.</summary>
    public PayeeEvent WaitFor(PayeeEventKind kind, Func<PayeeEvent, bool>? where = null)
    {
        DateTime giveUp = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < giveUp)
        {
            PayeeEvent? found = Events.FirstOrDefault(e => e.Kind == kind && (where?.Invoke(e) ?? true));
            if (found is not null)
            {
                return found;
            }
            Thread.Sleep(10);
        }
        throw new TimeoutException($"no {kind} event within {Patience.TotalSeconds} s; events: " +
            string.Join(" | ", Events.Select(e => $"{e.Kind}: {e.Message}")));
    }

    /// <summary>
    /// Waits until every session opened so far has ended, so the card is the test's again: an emulated card, like a
    /// real one, does one thing at a time, and a session may still be using it after the payer is done.
    /// </summary>
    public void WaitUntilFree()
    {
        int opened = Events.Count(e => e.Kind == PayeeEventKind.SessionOpened);
        DateTime giveUp = DateTime.UtcNow + Patience;
        while (Events.Count(e => e.Kind == PayeeEventKind.SessionClosed) < opened)
        {
            if (DateTime.UtcNow > giveUp)
            {
                throw new TimeoutException($"{opened} sessions opened and not all ended within {Patience.TotalSeconds} s; events: " +
                    string.Join(" | ", Events.Select(e => $"{e.Kind}: {e.Message}")));
            }
            Thread.Sleep(10);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            Running.Wait(Patience);
        }
        catch (AggregateException)
        {
            // A test that makes the card fail checks that itself.
        }
        Listener.Dispose();
        _stop.Dispose();
    }
}
