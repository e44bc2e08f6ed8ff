using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.Settlement.Deposits;

/// <summary>A <c>deposits</c> row as Dapper reads it.</summary>
internal sealed class DepositRow
{
    public string Id { get; set; } = "";

    public string MerchantAccountId { get; set; } = "";

    public string MerchantPurseId { get; set; } = "";

    public string Currency { get; set; } = "";

    public string BankPurseId { get; set; } = "";

    public string State { get; set; } = "";

    public long? Amount { get; set; }

    public Deposit ToDeposit() => new(Id, new AccountId(MerchantAccountId), PurseId.Parse(MerchantPurseId),
        Purse.Spec.Currency.FromAlpha(Currency), PurseId.Parse(BankPurseId), Enum.Parse<DepositState>(State), Amount);
}
