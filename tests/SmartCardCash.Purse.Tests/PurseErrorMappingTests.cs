using Moq;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Pipeline;
using SmartCardCash.Purse.Errors;
using SmartCardCash.Purse.Issuing;

namespace SmartCardCash.Purse.Tests;

/// <summary>
/// The mapping of spec section 5 for status words a real purse cannot easily be brought to give (9407 needs four
/// billion payments): a faked card answers them.
/// </summary>
public sealed class PurseErrorMappingTests
{
    private static PurseCard CardAnswering(ushort sw)
    {
        var transmitter = new Mock<IApduTransmitter>();
        transmitter.Setup(t => t.Transmit(It.IsAny<CommandApdu>()))
            .Returns<CommandApdu>(command => command.Ins == 0xCA
                ? new ResponseApdu(new StatusWord(0x6A88))
                : new ResponseApdu(new StatusWord(sw)));
        return new PurseCard(transmitter.Object, "alice");
    }

    private static readonly PurseId Peer = new(0x5343430A00000009);

    [Theory]
    [InlineData(0x9407, typeof(SequenceExhaustedException))]
    [InlineData(0x9406, typeof(CertificateExpiredException))]
    [InlineData(0x6A84, typeof(ExceptionLogFullException))]
    [InlineData(0x6A88, typeof(NoVerifiedPeerException))]
    [InlineData(0x6985, typeof(WrongStateException))]
    [InlineData(0x6A80, typeof(MalformedDataException))]
    [InlineData(0x9405, typeof(ClassesMayNotTransferException))]
    [InlineData(0x6F00, typeof(PurseException))]
    public void Start_from_maps_each_status_word_to_its_type(ushort sw, Type expected)
    {
        PurseException error = Assert.ThrowsAny<PurseException>(() => CardAnswering(sw).StartFrom(Peer, Money.Of(Currency.Eur, 1), 1));

        Assert.IsType(expected, error);
        Assert.Equal(sw, error.StatusWord.Value);
        Assert.Equal(PurseCommand.StartFrom, error.Command);
        Assert.DoesNotContain("Exception", error.Message);
    }

    [Fact]
    public void The_same_6982_means_lock_code_for_start_from_and_signature_for_req()
    {
        PurseCard card = CardAnswering(0x6982);
        var pd = new PaymentDetails(Peer, new PurseId(1), Currency.Eur.Code, 1, 1, 1);
        var message = new ProtectedMessage(MessageType.Req, pd, new byte[8]);

        Assert.ThrowsAny<LockCodeRequiredException>(() => card.StartFrom(Peer, Money.Of(Currency.Eur, 1), 1));
        Assert.Throws<SignatureInvalidException>(() => card.Req(message));
        Assert.Throws<SignatureInvalidException>(() => card.Execute(new SignedIssuerAuthorisation(
            IssuerAuthorisation.Terminate(Peer, 0), new byte[8])));
    }

    [Fact]
    public void Sequence_exhausted_says_the_purse_must_be_replaced()
    {
        var error = Assert.Throws<SequenceExhaustedException>(() => CardAnswering(0x9407).StartTo(Peer, Money.Of(Currency.Eur, 1), 1));

        Assert.Equal("alice has used all its sequence numbers and must be replaced", error.Message);
    }

    [Fact]
    public void An_unexpected_status_word_is_still_a_purse_exception_with_its_meaning()
    {
        var error = Assert.Throws<PurseException>(() => CardAnswering(0x6F00).Abort());

        Assert.Equal("alice answered ABORT with 6F00 (no precise diagnosis)", error.Message);
    }

    [Fact]
    public void A_select_of_a_terminated_purse_is_purse_terminated()
    {
        Assert.Throws<PurseTerminatedException>(() => CardAnswering(0x6A81).Select());
    }
}
