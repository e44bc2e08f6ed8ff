using System.Text.Json;
using SmartCardCash.BankApi.Contracts;
using SmartCardCash.Settlement.BankPurses;
using SmartCardCash.Settlement.Deposits;
using SmartCardCash.Settlement.Ledger;
using SmartCardCash.Settlement.Loads;

namespace SmartCardCash.BankService.Endpoints;

/// <summary>Bank purses, loads and deposits as the API's documents; IDs are the terminal's request IDs.</summary>
internal static class PaymentMapping
{
    public static BankPurseJson Json(this BankPurse purse) =>
        new(purse.Id.ToString(), purse.Currency.AlphaCode, purse.Balance, Name(purse.State.ToString()), purse.HeldBy);

    public static LoadJson Json(this Load load, bool alreadyAuthorised = false) => new(PaymentScope.RequestIdOf(load.Id), load.Account.Value,
        load.Payee.ToString(), load.Currency.AlphaCode, load.Amount, load.BankPurse.ToString(), Name(load.State.ToString()), alreadyAuthorised);

    /// <summary>With what the deposit's chain posted: the fee to the bank and the rest to the merchant.</summary>
    public static DepositJson Json(this Deposit deposit, BankLedger ledger, bool alreadyOpen = false)
    {
        TransferId key = BankDeposits.KeyOf(deposit.Id);
        long? fee = deposit.Amount is null ? null : ledger.FindTransfer(key.With("fee"))?.Amount ?? 0;
        long? credited = deposit.Amount is null ? null : ledger.FindTransfer(key.With("merchant"))?.Amount ?? 0;
        return new(PaymentScope.RequestIdOf(deposit.Id), deposit.MerchantAccount.Value, deposit.MerchantPurse.ToString(), deposit.Currency.AlphaCode,
            deposit.BankPurse.ToString(), Name(deposit.State.ToString()), deposit.Amount, fee, credited, alreadyOpen);
    }

    /// <summary><c>value-logged</c>, <c>expecting-ack</c>…</summary>
    private static string Name(string value) => JsonNamingPolicy.KebabCaseLower.ConvertName(value);
}
