using System.Text;
using SmartCardCash.Emulator;
using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Applet.Tests.Vectors;

/// <summary>
/// Fresh purses on emulated cards whose RNG is seeded with a card script's referenceSeed (the reference card of the
/// file's informative data is the contact T=1 one).
/// </summary>
internal static class ReferenceCards
{
    public static ICardChannel Fresh(VectorCard script) => Fresh(script, InterfaceProfile.ContactT1);

    public static ICardChannel Fresh(VectorCard script, InterfaceProfile via) => Card(script, via).OpenChannel($"emulator:{script.Id}");

    /// <summary>The fixture itself, powered on, for tests that look at the card after the run.</summary>
    public static PurseCard Card(VectorCard script, InterfaceProfile via) =>
        PurseCard.Create(Encoding.ASCII.GetString(Hex.Decode(script.ReferenceSeed)), via);
}
