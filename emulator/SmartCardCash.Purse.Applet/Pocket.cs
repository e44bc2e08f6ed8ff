using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>One currency pocket as stored (spec 6.2, 8.1).</summary>
internal readonly record struct Pocket(
    CurrencyCode Currency, uint Balance, uint MaximumBalance, uint TransactionLimit, uint ContactlessLimit);
