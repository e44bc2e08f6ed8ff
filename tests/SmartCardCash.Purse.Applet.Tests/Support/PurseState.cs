using SmartCardCash.Emulator.Memory;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>A purse's memory in a named state, to start emulated cards from; and a valid command there, to mutate.</summary>
internal sealed record PurseState(string Name, NvmSnapshot Image, string Seed, CommandApdu? Valid)
{
    public static PurseState Of(string name, PurseUnderTest purse, CommandApdu? valid) =>
        new(name, purse.Card.SnapshotNvm(), purse.Card.Seed, valid);

    public override string ToString() => Name;
}
