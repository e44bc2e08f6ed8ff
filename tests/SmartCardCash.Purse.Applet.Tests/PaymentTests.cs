using SmartCardCash.Purse.Applet.Tests.Support;
using SmartCardCash.Purse.Spec;
using static SmartCardCash.Purse.Applet.Tests.Support.Purses;

namespace SmartCardCash.Purse.Applet.Tests;

/// <summary>Whole payments between two applet purses (spec 4.2), with value conservation (invariants 5 and 6).</summary>
public class PaymentTests
{
    [Fact]
    public void A_bank_load_moves_value_from_the_bank_purse_to_a_customer()
    {
        PurseUnderTest bank = Bank(500_000, Eur);
        PurseUnderTest customer = Issued(PurseClass.Customer, Eur);

        PaymentHost payment = PaymentHost.Pay(bank, customer, Eur, 25_000);

        Assert.Equal(475_000u, bank.Balance(Eur));
        Assert.Equal(25_000u, customer.Balance(Eur));
        Assert.Equal(TransferState.Idle, bank.Status().TransferState);
        Assert.Equal(TransferState.Idle, customer.Status().TransferState);
        Assert.Equal(bank.Id, payment.Details!.From);
        Assert.Equal(customer.Id, payment.Details.To);
        bank.AssertNoInternalErrors();
        customer.AssertNoInternalErrors();
    }
}
