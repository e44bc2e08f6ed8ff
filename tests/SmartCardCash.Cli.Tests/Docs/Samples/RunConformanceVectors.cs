using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>The vectors README's samples, run by <see cref="RunConformanceVectorsTests"/> on emulated purses.</summary>
internal static class RunConformanceVectors
{
    /// <param name="path">applet-spec/vectors/purse-v1.json.</param>
    public static (ConformanceReport All, ConformanceReport Merchant) RunLoaded(string path)
    {
        // <run>
        VectorFile file = VectorFileJson.Load(path);       // applet-spec/vectors/purse-v1.json
        // each card script needs a fresh, just-installed purse; here one on an emulated card:
        ICardChannel OpenFreshCard(string name) =>
            EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1).OpenChannel(name);
        ConformanceReport report = ConformanceRunner.Run(script => OpenFreshCard(script.Id), file);
        // or one script on one card:
        using ICardChannel card = OpenFreshCard("merchant");
        ConformanceReport merchant = ConformanceRunner.Run(card, file.ForCard("merchant"),
            new RunnerOptions { Interface = CardInterfaceKind.Contact });
        Console.WriteLine(report);   // "135 of 135 vectors passed, 0 failed.", failures with the exchange and the first difference
        // </run>
        return (report, merchant);
    }

    public static ConformanceReport RunFile(string path)
    {
        // <run-file>
        ConformanceReport report = ConformanceRunner.RunFile(path,                   // applet-spec/vectors/purse-v1.json
            script => EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.Contactless).OpenChannel(script.Id),
            new RunnerOptions { Interface = CardInterfaceKind.Contactless });        // a just-installed purse per card script
        // </run-file>
        return report;
    }
}
