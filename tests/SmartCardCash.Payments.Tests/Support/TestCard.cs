using SmartCardCash.Emulator;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;

namespace SmartCardCash.Payments.Tests.Support;

/// <summary>An emulated purse card behind a <see cref="FaultyChannel"/>, its typed API and its personalisation.</summary>
internal sealed class TestCard
{
    public TestCard(string name, EmulatedCard card)
    {
        Name = name;
        Card = card;
        Channel = new FaultyChannel(card, name);
        Purse = PurseCard.Open(Channel, name);
    }

    public string Name { get; }

    public EmulatedCard Card { get; }

    public FaultyChannel Channel { get; }

    public PurseCard Purse { get; }

    public PersonalisationResult? Result { get; set; }

    public PurseId Id => Result!.PurseId;

    public PurseCertificate Certificate => Result!.Certificate;

    /// <summary>Pulls the card: it answers nothing until <see cref="Reinsert"/>.</summary>
    public void Remove() => Card.PowerOff();

    /// <summary>Puts the card back (powers it up if it is not) and disarms any fault not yet fired.</summary>
    public void Reinsert()
    {
        Channel.Disarm();
        if (!Card.IsPowered)
        {
            Card.PowerOn();
        }
    }

    /// <summary>Everything the audit needs, read without changing anything (the exception log only when idle).</summary>
    public PurseSnapshot Read()
    {
        Reinsert();
        return PurseSnapshot.Read(Purse, Name);
    }

    public uint Balance()
    {
        Reinsert();
        Purse.Select();
        return Purse.GetBalances().Single(b => b.Currency == Currency.Eur.Code).Balance;
    }

    public override string ToString() => Name;
}
