using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Applet;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>
/// A bank purse's card, powered, in the bank's memory: the image from the database brought to life. It keeps what a
/// real card keeps between commands while powered (the selected application, the verified peer of spec 8.2), so a
/// payment's commands find the session they built; its non-volatile memory is only ever the image last committed,
/// checked before each command by <see cref="Matches"/>.
/// </summary>
internal sealed class BankPurseCard
{
    /// <summary>The applet type name the emulator's card store gives the purse, so a bank purse's image also opens there.</summary>
    public const string PurseAppletType = "SmartCardCash.Purse";

    private readonly EmulatedCardChannel _channel;

    private BankPurseCard(PurseId id, EmulatedCard card)
    {
        Id = id;
        Card = card;
        _channel = card.OpenChannel(Name(id), powerOffOnDispose: false);
    }

    /// <summary>The applets a bank purse's image may hold: the purse.</summary>
    public static AppletCatalog Catalog { get; } = new AppletCatalog().Add(PurseAppletType, PurseApplet.Factory);

    public PurseId Id { get; }

    public EmulatedCard Card { get; }

    /// <summary>Whether the purse application was selected on this card since it was powered, as a card's session knows.</summary>
    public bool Selected { get; private set; }

    public ICardChannel Channel => _channel;

    public static string Name(PurseId id) => $"bank-purse-{id}";

    /// <summary>A new card with a blank purse (PERSONALISATION), T=1, powered: for the issuer to personalise.</summary>
    public static EmulatedCard Blank()
    {
        var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, Random.Shared.NextInt64()));
        card.Install(PurseAid.Value, PurseAppletType, PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        return card;
    }

    /// <summary>The card of <paramref name="image"/>, powered up as if just inserted: nothing selected.</summary>
    public static BankPurseCard FromImage(PurseId id, byte[] image) => new(id, CardImage.Parse(image).CreateCard(Catalog));

    public static byte[] ImageOf(PurseId id, EmulatedCard card) => CardImage.Of(Name(id), card).ToBytes();

    /// <summary>The card's memory as an image, to be committed (call between commands).</summary>
    public byte[] Image() => ImageOf(Id, Card);

    /// <summary>Whether the card's memory is exactly <paramref name="image"/>: no command ran on it since that was committed.</summary>
    public bool Matches(byte[] image) => Image().AsSpan().SequenceEqual(image);

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        byte[] response = _channel.Transmit(command);
        if (command.Length >= 2 && command[1] == PurseInstruction.Select)
        {
            Selected = ResponseApdu.Parse(response).IsSuccess && CommandApdu.TryParse(command, out CommandApdu? select) &&
                select is not null && PurseAid.Matches(select.Data.Span);
        }
        return response;
    }
}
