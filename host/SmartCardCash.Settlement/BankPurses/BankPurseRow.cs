using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>A <c>bank_purses</c> row as Dapper reads it.</summary>
internal sealed class BankPurseRow
{
    public string Id { get; set; } = "";

    public string Currency { get; set; } = "";

    public byte[] Image { get; set; } = [];

    public long Balance { get; set; }

    public string State { get; set; } = "";

    public string? BusyWith { get; set; }

    public PurseId PurseId => PurseId.Parse(Id);

    public Currency CurrencyOf => Purse.Spec.Currency.FromAlpha(Currency);

    public TransferState TransferState => Enum.Parse<TransferState>(State);

    public BankPurse ToBankPurse() => new(PurseId, CurrencyOf, Balance, TransferState, BusyWith);
}
