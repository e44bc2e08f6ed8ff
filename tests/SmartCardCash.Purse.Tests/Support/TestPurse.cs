using SmartCardCash.Emulator;
using SmartCardCash.Issuing.Personalisation;

namespace SmartCardCash.Purse.Tests.Support;

/// <summary>An emulated card with the purse applet, its typed API, and (once personalised) its certificate.</summary>
internal sealed class TestPurse(string name, EmulatedCard card, PurseCard purse)
{
    public string Name { get; } = name;

    public EmulatedCard Card { get; } = card;

    public PurseCard Purse { get; } = purse;

    public PersonalisationResult? Result { get; set; }

    public PurseId Id => Result!.PurseId;

    public PurseCertificate Certificate => Result!.Certificate;
}
