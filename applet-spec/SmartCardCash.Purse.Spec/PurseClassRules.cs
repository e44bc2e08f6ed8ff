namespace SmartCardCash.Purse.Spec;

/// <summary>Which purse classes may pay which (spec 6.4).</summary>
public static class PurseClassRules
{
    /// <summary>True when a purse of class <paramref name="payer"/> may pay one of class <paramref name="payee"/>.</summary>
    public static bool MayPay(PurseClass payer, PurseClass payee) =>
        IsPurseClass(payer) && IsPurseClass(payee) && !(payer == PurseClass.Merchant && payee == PurseClass.Merchant);

    /// <summary>Customer, merchant or bank: the classes a purse certificate may carry.</summary>
    public static bool IsPurseClass(PurseClass purseClass) =>
        purseClass is PurseClass.Customer or PurseClass.Merchant or PurseClass.Bank;
}
