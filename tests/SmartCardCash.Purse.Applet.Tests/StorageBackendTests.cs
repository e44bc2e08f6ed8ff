using System.Text;
using SmartCardCash.AppletApi;
using SmartCardCash.Emulator;

namespace SmartCardCash.Purse.Applet.Tests;

/// <summary>
/// The applet runs unchanged over another <see cref="IPersistentMemory"/> (the bank will keep its purses in a
/// database): here the applet API's plain <see cref="InMemoryPersistentMemory"/> behind the minimal
/// <see cref="AppletHost"/>, next to purses on the emulated card.
/// </summary>
public class StorageBackendTests
{
    [Fact]
    public void The_applet_assembly_depends_on_the_applet_API_and_not_on_the_emulator()
    {
        string[] references = typeof(PurseApplet).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToArray();

        Assert.Contains("SmartCardCash.AppletApi", references);
        Assert.DoesNotContain("SmartCardCash.Emulator", references);
    }

    [Fact]
    public void A_purse_on_the_card_and_a_purse_over_InMemoryPersistentMemory_pay_each_other()
    {
        PurseUnderTest bank = Bank(500_000, Eur);
        PurseUnderTest hosted = HostedBlank("hosted customer");
        Personalise(hosted, PurseClass.Customer, NewId(), Eur);

        PaymentHost.Pay(bank, hosted, Eur, 25_000);
        PaymentHost refund = PaymentHost.Pay(hosted, bank, Eur, 5_000);

        Assert.Equal(20_000u, hosted.Balance(Eur));
        Assert.Equal(480_000u, bank.Balance(Eur));
        // The hosted purse keeps its logs and its pending message like the card does.
        TransactionLogEntry last = PurseResponses.ParseTransactionLogEntry(hosted.SendOk(PurseCommands.ReadLog(PurseLogKind.Transactions, 0)));
        Assert.Equal(new TransactionRecord(TransactionRecordType.Sent, refund.Details!, 20_000), last.Record);
        ProtectedMessage pending = ProtectedMessage.ParseResume(hosted.SendOk(PurseCommands.Resume()));
        Assert.Equal(refund.Val!.ToData(), pending.ToData());
        Assert.Equal(TransferState.Idle, hosted.Status().TransferState);
        hosted.AssertNoInternalErrors();
        bank.AssertNoInternalErrors();
    }

    [Fact]
    public void An_interrupted_payment_between_the_backends_resumes_after_both_lose_power()
    {
        PurseUnderTest payer = HostedBlank("hosted payer");
        Personalise(payer, PurseClass.Customer, NewId(), Eur);
        payer.Receive(Peers.Bank, Eur, 3_000, 40);
        PurseUnderTest payee = Issued(PurseClass.Merchant, Eur);
        PaymentHost payment = new PaymentHost(payer, payee, Eur, 1_200).Start().SendReq();

        payer.PowerCycle();
        payee.PowerCycle();
        ProtectedMessage val = ProtectedMessage.ParseResume(payer.SendOk(PurseCommands.Resume()));
        Assert.Equal(payment.Val!.ToData(), val.ToData());
        payer.SendOk(PurseCommands.Ack(ProtectedMessage.Parse(MessageType.Ack, payee.SendOk(PurseCommands.Val(val)))));

        Assert.Equal(1_800u, payer.Balance(Eur));
        Assert.Equal(1_200u, payee.Balance(Eur));
    }

    [Fact]
    public void A_refused_message_changes_nothing_over_InMemoryPersistentMemory_either()
    {
        PurseUnderTest hosted = HostedBlank("hosted refusals");
        Personalise(hosted, PurseClass.Customer, NewId(), Eur);
        PaymentDetails pd = hosted.StartReceiving(Peers.Customer, Eur, 300, 5);

        Refusals.AssertRefusedWithoutChange(hosted, PurseCommands.Val(Peers.Merchant.Sign(MessageType.Val, pd)), 0x6982);
        Refusals.AssertRefusedWithoutChange(hosted, PurseCommands.Req(Peers.Customer.Sign(MessageType.Req, pd)), 0x6985);
        Refusals.AssertRefusedWithoutChange(hosted, new CommandApdu(0x80, PurseInstruction.Mint, 0, 0, [0x89, 0x00]), 0x6A80);
        hosted.SendOk(PurseCommands.Abort());
        Assert.Equal(new ExceptionRecord(ExceptionReason.PayeeAbortedInEpv, pd), Assert.Single(hosted.ExceptionLog()).Record);
    }

    [Fact]
    public void The_same_script_gives_the_same_answers_and_the_same_bytes_on_both_backends()
    {
        const string seed = "twin";
        var mirror = new MirroredHost(PurseCard.Create(seed), Hosted(seed));
        var purse = new PurseUnderTest(mirror);
        purse.Select();
        Personalise(purse, PurseClass.Customer, NewId(), Eur, Gbp);
        purse.Receive(Peers.Bank, Eur, 10_000, 50);
        purse.Pay(Peers.Merchant, Eur, 2_500, 7);
        purse.Receive(Peers.Bank, Gbp, 4_000, 51);
        purse.PayUntilAck(Peers.Merchant, Gbp, 1_000, 8);
        purse.SendOk(PurseCommands.Abort());
        Assert.Equal(ExceptionReason.PayerAbortedInEpa, Assert.Single(purse.ExceptionLog()).Record.Reason);
        purse.SendExpect(PurseCommands.VerifyLockCode("0000"), 0x63C2);
        purse.SendOk(PurseCommands.Lock("1234"));
        purse.SendOk(TestIssuer.Default.Authorise(IssuerAuthorisation.Deactivate(purse.Id, 0)));
        // The class checks the runtime makes on the card, the applet makes itself over any other host.
        foreach (string apdu in new[] { "C0CA000100", "FFCA000100", "81CA000100", "84CA000100", "90CA000100", "A0CA000100", "8060000000" })
        {
            purse.Send(CommandApdu.Parse(Hex.Decode(apdu)));
        }
        purse.PowerCycle();
        PurseView.Read(mirror);

        Assert.True(mirror.Exchanges > 40, $"only {mirror.Exchanges} commands compared");
        byte[] bytes = mirror.ReadPersistentMemory();
        Assert.Equal((byte)PurseLifecycle.Blocked, bytes[PurseLayout.Lifecycle]);
        mirror.AssertNoInternalErrors();
    }

    private static PurseUnderTest HostedBlank(string seed)
    {
        var purse = new PurseUnderTest(Hosted(seed));
        purse.Select();
        return purse;
    }

    /// <summary>The purse over the emulator's plain memory, with the same kind of seeded RNG as the emulated cards.</summary>
    private static AppletHost Hosted(string seed) => new($"in-memory:{seed}",
        new InMemoryPersistentMemory(PurseApplet.PersistentMemorySize), new DeterministicCardRandom(Encoding.UTF8.GetBytes(seed)));
}
