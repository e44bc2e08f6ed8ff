using SmartCardCash.Emulator;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>A customer's or merchant's emulated purse in the terminal, behind a <see cref="CutChannel"/>.</summary>
internal sealed class WorldCard
{
    public WorldCard(string name, EmulatedCard card, Cut cut)
    {
        Name = name;
        Card = card;
        Channel = new CutChannel(card.OpenChannel(name, powerOffOnDispose: false), cut, card.PowerOff, () => card.PowerOn());
        Purse = PurseCard.Open(Channel, name);
    }

    public string Name { get; }

    public EmulatedCard Card { get; }

    public CutChannel Channel { get; }

    public PurseCard Purse { get; }

    public PersonalisationResult Result { get; set; } = null!;

    public PurseId Id => Result.PurseId;

    public long Balance()
    {
        Purse.Select();
        return Purse.GetBalances().Single(b => b.Currency == Currency.Eur.Code).Balance;
    }

    public PendingTransfer Pending()
    {
        Purse.Select();
        return Purse.GetPendingTransfer();
    }

    /// <summary>The card's exception records (reading them aborts a transfer in progress: only for an idle card).</summary>
    public IReadOnlyList<ExceptionRecord> ExceptionRecords()
    {
        Purse.Select();
        return [.. Purse.ReadExceptionLog().Select(e => e.Record)];
    }

    public override string ToString() => Name;
}
