using SmartCardCash.CardAccess;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>CardAccess's README: how tcp:// cards plug into a <see cref="CardOpener"/>, run by <see cref="PlugInRemoteCardsTests"/>.</summary>
internal static class PlugInRemoteCards
{
    /// <returns>Whether the opener could open tcp:// before, and the opener after.</returns>
    public static (bool Before, CardOpener Opener) Register(string home)
    {
        // <register>
        CardOpener opener = CardOpener.CreateDefault(home);
        bool before = opener.CanOpen(CardAddressKind.Remote);              // false: tcp:// is "not available in this build"
        opener.Register(CardAddressKind.Remote, new RemoteCardOpener());    // any ICardOpener; RemoteCardOpener.Register(opener) does this
        // </register>
        return (before, opener);
    }
}
