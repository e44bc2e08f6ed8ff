using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Applet.Tests.Support;
using SmartCardCash.Purse.Conformance;
using SmartCardCash.Purse.Spec;
using static SmartCardCash.Purse.Applet.Tests.Support.Purses;

namespace SmartCardCash.Purse.Applet.Tests.Protocol;

/// <summary>
/// Spec 8.3: after a power loss at any write, the purse comes back in the state before the interrupted command or
/// after it, never between. Each command is cut at every one of its writes in turn.
/// </summary>
public class PowerLossTests
{
    private static readonly TestIssuer Issuer = TestIssuer.Default;

    [Fact]
    public void START_FROM_is_all_or_nothing()
    {
        PurseUnderTest purse = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        purse.StartReceiving(Peers.Bank, Eur, 5, 9);
        AssertAllOrNothing(purse, p => p.VerifyPeer(Peers.Merchant.Certificate), PurseCommands.StartFrom(Peers.Merchant.Id, Eur, 10, 3));
    }

    [Fact]
    public void START_TO_is_all_or_nothing()
    {
        PurseUnderTest purse = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        purse.PayUntilAck(Peers.Merchant, Eur, 7);
        AssertAllOrNothing(purse, p => p.VerifyPeer(Peers.Customer.Certificate), PurseCommands.StartTo(Peers.Customer.Id, Eur, 10, 3));
    }

    [Fact]
    public void REQ_and_ACK_are_all_or_nothing()
    {
        PurseUnderTest purse = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        PaymentDetails pd = purse.StartPaying(Peers.Merchant, Eur, 10);
        AssertAllOrNothing(purse, _ => { }, PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, pd)));
        purse.SendOk(PurseCommands.Req(Peers.Merchant.Sign(MessageType.Req, pd)));
        AssertAllOrNothing(purse, _ => { }, PurseCommands.Ack(Peers.Merchant.Sign(MessageType.Ack, pd)));
    }

    [Fact]
    public void VAL_is_all_or_nothing()
    {
        PurseUnderTest purse = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        PaymentDetails pd = purse.StartReceiving(Peers.Customer, Eur, 10, 3);
        AssertAllOrNothing(purse, _ => { }, PurseCommands.Val(Peers.Customer.Sign(MessageType.Val, pd)));
    }

    [Fact]
    public void Aborts_are_all_or_nothing()
    {
        PurseUnderTest purse = Peers.Loaded(PurseClass.Customer, 1_000, Eur);
        purse.PayUntilAck(Peers.Merchant, Eur, 10);
        AssertAllOrNothing(purse, _ => { }, PurseCommands.Abort());
        AssertAllOrNothing(purse, _ => { }, PurseCommands.ReadLog(PurseLogKind.Exceptions, 0));
    }

    [Fact]
    public void Issuer_commands_are_all_or_nothing()
    {
        PurseUnderTest bank = Issued(PurseClass.Bank, Eur);
        bank.StartReceiving(Peers.Customer, Eur, 10, 3);
        AssertAllOrNothing(bank, _ => { }, Issuer.Authorise(IssuerAuthorisation.Mint(bank.Id, 0, Eur, 500)));
        bank.SendOk(PurseCommands.Abort());
        byte[] digest = ExceptionRecord.LogDigest(bank.ExceptionLog().Select(e => e.Record));
        AssertAllOrNothing(bank, _ => { }, Issuer.Authorise(IssuerAuthorisation.ClearExceptionLog(bank.Id, 0, digest)));
        AssertAllOrNothing(bank, _ => { }, Issuer.Authorise(IssuerAuthorisation.Deactivate(bank.Id, 0)));
    }

    [Fact]
    public void Personalisation_is_all_or_nothing()
    {
        PurseUnderTest blank = Blank();
        AssertAllOrNothing(blank, _ => { }, PurseCommands.GenerateKeyPair());
        AssertAllOrNothing(blank, _ => { }, PurseCommands.PutIssuerCertificate(Issuer.Certificate.Encoded));
        AssertAllOrNothing(blank, _ => { }, PurseCommands.PutLockCode("1234", 5));
    }

    /// <summary>
    /// Runs <paramref name="command"/> once uncut on a copy to learn the "after" state and its number of writes; then
    /// on fresh copies cuts it at write 1, 2, … and checks that recovery lands exactly on "before" or "after".
    /// </summary>
    private static void AssertAllOrNothing(PurseUnderTest purse, Action<PurseUnderTest> session, CommandApdu command)
    {
        byte[] before = purse.Snapshot();
        PurseUnderTest reference = purse.CloneFromImage();
        reference.Select();
        session(reference);
        int writesBefore = reference.Card.Memory.WriteCount;
        ResponseApdu uncut = reference.Send(command);
        Assert.True(uncut.StatusWord.IsSuccess, $"{command} answered {uncut.StatusWord} uncut");
        byte[] after = reference.Snapshot();
        int writes = reference.Card.Memory.WriteCount - writesBefore;
        Assert.True(writes > 0, $"{command} wrote nothing");

        for (int cut = 1; cut <= writes; cut++)
        {
            PurseUnderTest copy = purse.CloneFromImage();
            copy.Select();
            session(copy);
            copy.Card.Memory.TearAtWrite(cut);
            Assert.Throws<CardRemovedException>(() => copy.Send(command));
            copy.Card.PowerUp();
            byte[] recovered = copy.Snapshot();
            Assert.True(recovered.AsSpan().SequenceEqual(before) || recovered.AsSpan().SequenceEqual(after),
                $"{command} cut at write {cut} of {writes} left a state that is neither before nor after");
            copy.Select();
            copy.AssertNoInternalErrors();
        }
    }
}
