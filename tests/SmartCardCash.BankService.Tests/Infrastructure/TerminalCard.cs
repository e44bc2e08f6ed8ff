using SmartCardCash.Emulator;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Applet;

namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>
/// A customer's or merchant's emulated purse in a terminal, personalised by the test issuer, whose channel can be
/// pulled at the <see cref="CutAt"/>th command (before it reaches the card, or after it ran and its answer is lost):
/// from then on every command fails as a removed card, until <see cref="Reinsert"/>.
/// </summary>
public sealed class TerminalCard : ICardChannel
{
    private readonly EmulatedCard _card;
    private readonly EmulatedCardChannel _channel;
    private bool _removed;

    public TerminalCard(Issuer issuer, IPurseSerialSource serials, string name, PurseClass purseClass = PurseClass.Customer)
    {
        Name = name;
        _card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, Random.Shared.NextInt64()));
        _card.Install(PurseAid.Value, "SmartCardCash.Purse", PurseApplet.Factory, PurseApplet.PersistentMemorySize);
        _channel = _card.OpenChannel(name, powerOffOnDispose: false);
        Purse = PurseCard.Open(this, name);
        Id = new PursePersonaliser(issuer, serials).Personalise(Purse,
            PersonalisationRequest.WithDefaultLimits(purseClass, [Currency.Eur.Code], "1234")).PurseId;
    }

    public string Name { get; }

    public PurseId Id { get; }

    public PurseCard Purse { get; }

    /// <summary>The command (counted from 0 since <see cref="Arm"/>) at which the card is pulled; -1: never.</summary>
    public int CutAt { get; private set; } = -1;

    public bool AnswerLost { get; private set; }

    public int Count { get; private set; }

    public bool Fired { get; private set; }

    public ReadOnlyMemory<byte> Atr => _channel.Atr;

    public CardProtocol Protocol => _channel.Protocol;

    public void Arm(int at, bool answerLost)
    {
        (CutAt, AnswerLost, Count, Fired) = (at, answerLost, 0, false);
    }

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (_removed)
        {
            throw new CardRemovedException($"{Name} was removed.");
        }
        int n = Count++;
        if (n == CutAt && !AnswerLost)
        {
            throw Remove();
        }
        byte[] response = _channel.Transmit(command);
        return n == CutAt ? throw Remove() : response;
    }

    /// <summary>The card back in the reader, powered up again; nothing armed.</summary>
    public void Reinsert()
    {
        if (_removed)
        {
            _card.PowerOn();
        }
        (_removed, CutAt) = (false, -1);
    }

    public long Balance()
    {
        Purse.Select();
        return Purse.GetBalances().SingleOrDefault(b => b.Currency == Currency.Eur.Code)?.Balance ?? 0;
    }

    public PendingTransfer Pending()
    {
        Purse.Select();
        return Purse.GetPendingTransfer();
    }

    public void Dispose()
    {
    }

    public override string ToString() => Name;

    private CardRemovedException Remove()
    {
        (_removed, Fired) = (true, true);
        _card.PowerOff();
        return new CardRemovedException($"{Name} was removed.");
    }
}
