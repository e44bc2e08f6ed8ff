using System.Collections.Concurrent;
using System.Net;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Emulator;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>Remote's README samples: a payer pays into bob's card through bob's listener, over loopback TCP.</summary>
public sealed class PayRemoteCardTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_payer_pays_into_the_card_behind_the_listener()
    {
        using var home = new TempFolder();
        var issuer = new SampleIssuer();
        var opener = CardOpener.CreateDefault(home.Path);
        using (CardConnection blank = opener.EmulatedCards.CreatePurseCard("bob", InterfaceProfile.ContactT1))
        {
            issuer.Personalise(blank.Channel, "bob", PurseClass.Customer);
        }
        PurseCard bank = issuer.NewBank("bank", 100_00);
        int port = LoopbackVpcd.FreePortPair();
        var said = new ConcurrentQueue<string>();
        using var output = new ObservedStringWriter(said.Enqueue);
        using var stop = new CancellationTokenSource();

        Task listening = PayRemoteCard.ReceiveAsync(opener, new IPEndPoint(IPAddress.Loopback, port), output, stop.Token);
        Assert.True(LoopbackVpcd.WaitFor(() => !said.IsEmpty || listening.IsCompleted, Patience), "the listener never said it listens");
        PaymentOutcome outcome = PayRemoteCard.Pay(bank, port, new PaymentRequest(Money.Of(Currency.Eur, 12_50)),
            new PaymentPolicy(issuer.Issuer.Certificate));
        await stop.CancelAsync();
        await listening;

        Assert.Equal(PaymentOutcomeKind.Completed, outcome.Kind);
        Assert.Equal($"receiving payments into bob at tcp://127.0.0.1:{port}", said.First());
        Assert.Equal(87_50u, SampleIssuer.Balance(bank));
        using CardConnection paid = opener.Open("emu:bob");
        PurseCard bob = PurseCard.Open(paid.Channel, "bob");
        bob.Select();
        Assert.Equal(12_50u, SampleIssuer.Balance(bob));
    }
}
