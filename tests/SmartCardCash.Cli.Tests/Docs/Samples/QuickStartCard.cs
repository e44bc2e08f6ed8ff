using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The Emulator README's quick start, run by <see cref="EmulatorReadmeSampleTests"/>: a card with the purse, powered and selected.</summary>
internal static class QuickStartCard
{
    public static (byte[] Atr, byte[] Response, string ChannelName) Run()
    {
        // <quick-start>
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, seed: 1));
        card.Install(PurseAid.Value, "SmartCardCash.Purse", PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        byte[] atr = card.PowerOn();                       // or PowerOn(InterfaceProfile.Contactless): dual interface
        byte[] response = card.Transmit(Hex.Decode("00A404000AF0534343505552534501 00"));   // SELECT the purse
        using ICardChannel channel = card.OpenChannel("emulator:alice");   // raw bytes in, raw bytes out
        // </quick-start>
        return (atr, response, channel.Name);
    }
}
