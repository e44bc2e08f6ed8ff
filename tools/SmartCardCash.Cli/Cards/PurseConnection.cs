using SmartCardCash.CardAccess;
using SmartCardCash.Purse;

namespace SmartCardCash.Cli.Cards;

/// <summary>An open card and the purse on it; disposing closes the card (saving and unlocking an emulated image).</summary>
internal sealed class PurseConnection(CardConnection connection, PurseCard purse) : IDisposable
{
    public CardConnection Connection { get; } = connection;

    public PurseCard Purse { get; } = purse;

    /// <summary>"alice", "Virtual PCD 00 00".</summary>
    public string Name => Connection.DisplayName;

    /// <summary>Where the card was opened: emu:alice, pcsc:READER, tcp://HOST:PORT.</summary>
    public CardAddress Address => Connection.Address;

    public void Dispose() => Connection.Dispose();
}
