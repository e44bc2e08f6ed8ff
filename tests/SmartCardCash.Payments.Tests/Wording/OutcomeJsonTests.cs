using System.Text.Json;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>An outcome serialises as it is, with the property names and values programs already read.</summary>
public sealed class OutcomeJsonTests
{
    [Fact]
    public void A_completed_payment_with_an_order_digest_and_a_refusal_naming_an_unfinished_transfer_keep_their_json()
    {
        var world = new PaymentWorld();
        TestCard bank = world.Bank("bank", 100_000);
        TestCard alice = world.Customer("alice", 10_000, bank);
        TestCard bob = world.Customer("bob");
        TestCard carol = world.Customer("carol");

        PaymentOutcome paid = world.Pay(alice, bob, 1_250, orderDigest: [.. Enumerable.Range(0, 32).Select(i => (byte)i)]);
        PaymentWorld.StartAndStop(alice, bob, 700, PurseInstruction.Val);
        PaymentOutcome refused = world.Pay(alice, carol, 100);

        Assert.Equal(
            """{"Kind":"Completed","Summary":"Paid EUR 12.50 from alice to bob.","Payment":{"From":"5343430A00000002","To":"5343430A00000003","Currency":"EUR","Amount":1250,"AmountText":"12.50","FromSeq":2,"ToSeq":1,"OrderDigest":"000102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F"},"Payer":{"Name":"alice","PurseId":"5343430A00000002","State":"idle","Reachable":true},"Payee":{"Name":"bob","PurseId":"5343430A00000003","State":"idle","Reachable":true},"Debited":"Yes","Credited":"Yes","Value":"WithPayee","Refusal":null,"SideEffects":[],"Recovery":[],"Remedy":"None"}""",
            JsonSerializer.Serialize(paid));
        Assert.Equal(
            """{"Kind":"NotStarted","Summary":"Nothing was paid: alice has an unfinished transfer from an earlier payment, epa (EUR 7.00 from 5343430A00000002 to 5343430A00000003 (sequence numbers 3 and 2)): recover it first, or force this payment, which aborts it into alice\u0027s exception log.","Payment":null,"Payer":{"Name":"alice","PurseId":"5343430A00000002","State":"epa","Reachable":true},"Payee":{"Name":"carol","PurseId":"5343430A00000004","State":"idle","Reachable":true},"Debited":"No","Credited":"No","Value":"WithPayer","Refusal":{"By":"Payer","Reason":"PurseNotIdle","Message":"alice has an unfinished transfer from an earlier payment, epa (EUR 7.00 from 5343430A00000002 to 5343430A00000003 (sequence numbers 3 and 2)): recover it first, or force this payment, which aborts it into alice\u0027s exception log","StatusWord":null,"UnfinishedTransfer":{"From":"5343430A00000002","To":"5343430A00000003","Currency":"EUR","Amount":700,"AmountText":"7.00","FromSeq":3,"ToSeq":2,"OrderDigest":null},"IsSecurity":false},"SideEffects":[],"Recovery":[],"Remedy":"RecoverEarlierTransfer"}""",
            JsonSerializer.Serialize(refused));
    }
}
