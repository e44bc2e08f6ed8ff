namespace SmartCardCash.Settlement.Ledger;

/// <summary>Why a transfer was made: the bank flow it belongs to (docs/bank.md, "What each flow posts"). A post or
/// void carries the code of the pending transfer it resolves.</summary>
public enum TransferCode
{
    /// <summary>Value minted into a bank purse: bank purse ← minted.</summary>
    Mint,

    /// <summary>Cash paid in at a teller: cash ← customer.</summary>
    CashIn,

    /// <summary>A load's money, reserved at authorisation and posted when the bank purse debits itself: customer → float.</summary>
    Load,

    /// <summary>A load's value leaving the bank purse: outstanding ← bank purse.</summary>
    LoadValue,

    /// <summary>A deposit's value arriving in a bank purse: bank purse ← outstanding.</summary>
    DepositValue,

    /// <summary>A deposit's amount less the fee, paid to the merchant: float → merchant.</summary>
    Deposit,

    /// <summary>A deposit's fee: float → fee income.</summary>
    DepositFee,

    /// <summary>Value reported in flight (a payer's exception record, maybe lost): float → suspense.</summary>
    ValueInFlight,

    /// <summary>Value in flight found to have arrived (its val cleared): suspense → float.</summary>
    ValueArrived,

    /// <summary>Definitely lost value refunded to the payer's account: suspense → customer or merchant.</summary>
    Refund,

    /// <summary>Definitely lost value written off the e-value book: minted → outstanding.</summary>
    LostValueWrittenOff,
}
