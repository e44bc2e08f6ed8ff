using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Loads;

/// <summary>A <c>loads</c> row as Dapper reads it.</summary>
internal sealed class LoadRow
{
    public string Id { get; set; } = "";

    public string AccountId { get; set; } = "";

    public string PayeePurseId { get; set; } = "";

    public string Currency { get; set; } = "";

    public long Amount { get; set; }

    public string BankPurseId { get; set; } = "";

    public string State { get; set; } = "";

    public Load ToLoad() => new(Id, new AccountId(AccountId), PurseId.Parse(PayeePurseId), Purse.Spec.Currency.FromAlpha(Currency),
        Amount, PurseId.Parse(BankPurseId), Enum.Parse<LoadState>(State));
}
