using SmartCardCash.Emulator.Applets;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Applet.Tests.Harness;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet.Tests.Vectors;

/// <summary>Fresh purse applets on harness cards, seeded as a vector file's card script says.</summary>
internal static class ReferenceCards
{
    public static ICardChannel Fresh(VectorCard script) => Fresh(script, CardInterface.Contact);

    public static ICardChannel Fresh(VectorCard script, CardInterface cardInterface)
    {
        var card = new SimulatedCard(PurseApplet.Factory, new JournaledMemory(PurseApplet.PersistentMemorySize),
            new Sha256CounterRandom(Hex.Decode(script.ReferenceSeed)), PurseAid.Value)
        {
            Interface = cardInterface,
        };
        return new SimulatedCardChannel(card, "harness:" + script.Id);
    }
}
