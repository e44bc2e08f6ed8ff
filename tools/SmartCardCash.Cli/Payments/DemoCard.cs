using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;

namespace SmartCardCash.Cli.Payments;

/// <summary>One card of the demo: its open session, the channel the demo can pull it through, its purse.</summary>
internal sealed class DemoCard(string name, CardSession session, RemovableChannel channel, PurseCard purse, InterfaceProfile interfaceProfile)
{
    public string Name { get; } = name;

    public CardSession Session { get; } = session;

    public RemovableChannel Channel { get; } = channel;

    public PurseCard Purse { get; } = purse;

    public InterfaceProfile Interface { get; } = interfaceProfile;

    public PersonalisationResult? Result { get; set; }
}
