using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>CardAccess's README sample: without an opener tcp:// is refused by name; with one it is dialled.</summary>
public sealed class PlugInRemoteCardsTests
{
    [Fact]
    public void A_registered_opener_dials_tcp_addresses_that_were_refused_before()
    {
        using var home = new TempFolder();
        string address = $"tcp://127.0.0.1:{LoopbackVpcd.FreePortPair()}";
        var unregistered = CardOpener.CreateDefault(home.Path);

        (bool before, CardOpener opener) = PlugInRemoteCards.Register(home.Path);

        Assert.False(before);
        Assert.True(opener.CanOpen(CardAddressKind.Remote));
        var refused = Assert.Throws<CardNotFoundException>(() => unregistered.Open(address));
        Assert.Contains("remote cards (tcp://) are not available in this build", refused.Message);
        // Nobody listens there: the registered opener tried to connect, which is what it is for.
        Assert.Throws<RemoteCardUnavailableException>(() => opener.Open(address));
    }
}
