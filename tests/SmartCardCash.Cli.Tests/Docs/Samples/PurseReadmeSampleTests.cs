using System.Security.Cryptography;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>
/// The Purse README's samples do what they say: <see cref="ReadPurse"/>, <see cref="TransferByHand"/> and
/// <see cref="PayAndRecover"/>, on purses issued by one <see cref="SampleIssuer"/>.
/// </summary>
public sealed class PurseReadmeSampleTests
{
    private readonly SampleIssuer _issuer = new();

    [Fact]
    public void Reading_selects_and_reads_an_issued_purse()
    {
        using EmulatedCardChannel channel = EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1).OpenChannel("alice");
        PurseId alice = _issuer.Personalise(channel, "alice", PurseClass.Customer).GetCertificate().Body.Holder;

        (PurseFci fci, PurseInfo info, IReadOnlyList<PocketBalance> balances) = ReadPurse.Read(channel, NullLogger.Instance);

        Assert.Equal(PurseLifecycle.Issued, fci.Lifecycle);
        Assert.Equal(alice, fci.PurseId);
        Assert.Equal(PurseClass.Customer, info.Class);
        Assert.Equal(3, info.LockCodeTriesRemaining);
        Assert.Equal([Currency.Eur.Code], info.Currencies);
        Assert.Equal([new PocketBalance(Currency.Eur.Code, 0)], balances);
    }

    [Fact]
    public void The_primitives_in_the_order_of_spec_4_2_pay_and_resume_gives_back_the_val()
    {
        PurseCard bank = _issuer.NewBank("bank", 100_00), alice = _issuer.NewPurse("alice", PurseClass.Customer);

        (ProtectedMessage val, ProtectedMessage? last) = TransferByHand.Pay(bank, alice);

        Assert.Equal(87_50u, SampleIssuer.Balance(bank));
        Assert.Equal(12_50u, SampleIssuer.Balance(alice));
        Assert.Equal(TransferState.Idle, bank.GetPendingTransfer().State);
        Assert.Equal(TransferState.Idle, alice.GetPendingTransfer().State);
        Assert.NotNull(last);
        Assert.Equal(val.Details, last.Details);
        Assert.Equal(val.Signature.ToArray(), last.Signature.ToArray());
    }

    [Fact]
    public void The_coordinator_pays_with_the_order_digest_and_recovering_or_abandoning_afterwards_changes_nothing()
    {
        using var home = new TempFolder();
        PurseCard bank = _issuer.NewBank("bank", 100_00), alice = _issuer.NewPurse("alice", PurseClass.Customer);
        byte[] order = SHA256.HashData("order 42"u8);

        (PaymentOutcome paid, PaymentOutcome recovered, PaymentOutcome abandoned) = PayAndRecover.Pay(bank, alice,
            _issuer.Issuer.Certificate, home.Path, TimeProvider.System, NullLogger.Instance, order);

        Assert.Equal(PaymentOutcomeKind.Completed, paid.Kind);
        Assert.Equal(Convert.ToHexString(order), paid.Payment!.OrderDigest);
        Assert.Equal(PaymentOutcomeKind.NothingToRecover, recovered.Kind);
        Assert.Equal(PaymentOutcomeKind.NothingToRecover, abandoned.Kind);
        Assert.Equal(87_50u, SampleIssuer.Balance(bank));
        Assert.Equal(12_50u, SampleIssuer.Balance(alice));
        Assert.Empty(bank.ReadExceptionLog());
    }
}
