namespace SmartCardCash.Payments.Tests;

/// <summary>
/// The tests' ledger of all value keeps counting a definitely lost payment while the purse that logged it is caught
/// in a later payment, whose transfer hides its exception log (reading it would abort). PropertyTests found this with
/// seed 8mg1LBXeMMs1: the value was in the payer's 01 record all along, but the ledger stopped seeing the record.
/// </summary>
public sealed class LedgerTests
{
    private const uint Minted = 100_000;

    [Fact]
    public void A_lost_payments_record_counts_while_its_purse_is_caught_mid_transfer_as_long_as_the_archive_has_seen_it()
    {
        var world = new PaymentWorld();
        TestCard bank = world.Bank("bank", Minted);
        TestCard carol = world.Customer("carol", 20_000, bank);
        var archive = new PaymentArchive();

        // carol's 68.30 to the bank is cut before VAL, and both ends abandon it: carol logs 01, the bank 02.
        PaymentWorld.StartAndStop(carol, bank, 6_830, stopBefore: PurseInstruction.Val);
        world.Coordinator.Abandon(carol.Purse);
        world.Coordinator.Abandon(bank.Purse);
        Assert.Equal(Minted, Ledger.Accounted([bank.Read(), carol.Read()], archive));

        // The bank's next payment to carol is cut before VAL: carol waits in epv, where her log cannot be read.
        PaymentWorld.StartAndStop(bank, carol, 14_376, stopBefore: PurseInstruction.Val);
        PurseSnapshot[] now = [bank.Read(), carol.Read()];

        Assert.Equal(TransferState.ExpectingVal, now[1].State);
        Assert.Null(now[1].Exceptions);
        Assert.Equal(Minted - 6_830, Ledger.Accounted(now));
        Assert.Equal(Minted, Ledger.Accounted(now, archive));
    }
}
