using System.Net;
using SmartCardCash.CardAccess;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>Remote's README samples, both sides of a payment into a card elsewhere, run by <see cref="PayRemoteCardTests"/>.</summary>
internal static class PayRemoteCard
{
    /// <param name="endpoint">Where to listen (without it, 127.0.0.1:7000).</param>
    public static async Task ReceiveAsync(CardOpener opener, IPEndPoint endpoint, TextWriter output, CancellationToken stop)
    {
        // <payee>
        // The payee's side: only the payee role of the card is exposed.
        using CardConnection bob = opener.Open("emu:bob");
        var options = new PayeeListenerOptions { CardName = "bob", Endpoint = endpoint };   // default 127.0.0.1:7000
        using var listener = new PayeeListener(bob.Channel, options);
        listener.EventRaised += (_, e) => output.WriteLine(e.Message);
        await listener.RunAsync(stop);                      // until stop is cancelled; throws if the card fails
        // </payee>
    }

    public static PaymentOutcome Pay(PurseCard alice, int port, PaymentRequest request, PaymentPolicy policy)
    {
        // <payer>
        // The payer's side.
        using var remote = new RemoteCardChannel("127.0.0.1", port);              // or RemoteCardOpener.Register(opener)
        PaymentOutcome outcome = new PaymentCoordinator().Pay(alice, PurseCard.Open(remote), request, policy);
        // </payer>
        return outcome;
    }
}
