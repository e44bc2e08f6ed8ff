using SmartCardCash.CardAccess;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The developer guide's sample of opening a card by its address, run by <see cref="OpenCardTests"/>.</summary>
internal static class OpenCard
{
    /// <param name="home">The folder scc calls $SCC_HOME: emulated card images live in its cards/.</param>
    public static PurseFci Select(string home, string address)
    {
        // <open>
        CardOpener opener = CardOpener.CreateDefault(home);       // emu:NAME (images in home/cards), pcsc:READER
        RemoteCardOpener.Register(opener);                       // tcp://HOST:PORT, served by 'scc receive'
        CardAddress card = CardAddress.Parse(address);           // emu:alice, pcsc:READER, tcp://… or a bare name
        using CardConnection connection = opener.Open(card);     // disposing it releases the card
        PurseCard purse = PurseCard.Open(connection.Channel, connection.DisplayName);
        PurseFci fci = purse.Select();                           // always first: identity, lifecycle, transfer state
        // </open>
        return fci;
    }
}
