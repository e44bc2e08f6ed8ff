namespace SmartCardCash.Purse.Applet.Tests.Commands;

/// <summary>The checks every command goes through, in the order of spec 5.0. None of them changes anything.</summary>
public class CommonChecksTests
{
    private readonly PurseUnderTest _purse = Issued(PurseClass.Customer, Eur);

    [Theory]
    [InlineData(0x81)]
    [InlineData(0x82)]
    [InlineData(0x83)]
    [InlineData(0x40)]
    [InlineData(0x7F)]
    [InlineData(0x01)]
    [InlineData(0xC0)]
    [InlineData(0xE0)]
    [InlineData(0xFE)]
    public void Logical_channel_bits_are_refused_with_6881(byte cla) =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(cla, PurseInstruction.GetData, 0, 1, default, 256), 0x6881);

    [Theory]
    [InlineData(0x84)]
    [InlineData(0x88)]
    [InlineData(0x8C)]
    [InlineData(0x04)]
    public void Secure_messaging_bits_are_refused_with_6882(byte cla) =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(cla, PurseInstruction.GetData, 0, 1, default, 256), 0x6882);

    [Theory]
    [InlineData(0x90)]
    [InlineData(0x10)]
    public void The_chaining_bit_is_refused_with_6884(byte cla) =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(cla, PurseInstruction.GetData, 0, 1, default, 256), 0x6884);

    [Fact]
    public void Channel_bits_are_checked_before_secure_messaging_and_chaining() =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x9D, PurseInstruction.GetData, 0, 1, default, 256), 0x6881);

    [Fact]
    public void An_extended_length_APDU_is_refused_with_6700()
    {
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.GetData, 0, 1, default, 256, ApduEncoding.Extended), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Abort, 0, 0, [1, 2], 0, ApduEncoding.Extended), 0x6700);
    }

    [Theory]
    [InlineData(0xA0)]
    [InlineData(0x20)]
    [InlineData(0xFF)]
    public void Other_classes_are_refused_with_6E00(byte cla) =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(cla, PurseInstruction.GetData, 0, 1, default, 256), 0x6E00);

    [Theory]
    [InlineData(0x80, 0x00)]
    [InlineData(0x80, 0x60)]
    [InlineData(0x80, 0x6A)]
    [InlineData(0x80, 0x90)]
    [InlineData(0x80, 0x9E)]
    [InlineData(0x80, 0xA4)]
    [InlineData(0x80, 0xC0)]
    [InlineData(0x00, 0xCA)]
    [InlineData(0x00, 0x50)]
    public void Instructions_not_listed_for_the_class_are_refused_with_6D00(byte cla, byte ins) =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(cla, ins, 0, 0), 0x6D00);

    [Fact]
    public void The_lifecycle_is_checked_before_P1_P2_and_Lc()
    {
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.GenerateKeyPair, 0x01, 0x02, [1], 256), 0x6985);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.PutData, 0x00, 0x09), 0x6985);
    }

    [Theory]
    [InlineData(PurseInstruction.GetData, 0x01, 0x01)]
    [InlineData(PurseInstruction.GetData, 0x00, 0x00)]
    [InlineData(PurseInstruction.GetData, 0x00, 0x07)]
    [InlineData(PurseInstruction.VerifyCertificate, 0x00, 0x00)]
    [InlineData(PurseInstruction.Abort, 0x01, 0x00)]
    [InlineData(PurseInstruction.Resume, 0x00, 0x01)]
    [InlineData(PurseInstruction.ReadLog, 0x00, 0x03)]
    [InlineData(PurseInstruction.ReadLog, 0x00, 0x00)]
    [InlineData(PurseInstruction.StartFrom, 0x00, 0x01)]
    [InlineData(PurseInstruction.VerifyLockCode, 0x00, 0x81)]
    [InlineData(PurseInstruction.Mint, 0x01, 0x00)]
    public void Parameters_other_than_listed_are_refused_with_6A86(byte ins, byte p1, byte p2) =>
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, ins, p1, p2, [0x80, 0x01, 0x00], 256), 0x6A86);

    [Fact]
    public void Data_where_none_belongs_and_none_where_data_is_required_are_6700()
    {
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Abort, 0, 0, [0x00]), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.GetData, 0, 1, [0x00], 256), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Resume, 0, 0, [0x00], 256), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.ReadLog, 0, 1, [0x00], 256), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.StartFrom, 0, 0, default, 256), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Req, 0, 0, default, 256), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.Mint, 0, 0), 0x6700);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x80, PurseInstruction.VerifyCertificate, 0, 0xBE), 0x6700);
    }

    [Fact]
    public void Le_is_never_checked_by_the_purse()
    {
        Assert.True(_purse.Send(new CommandApdu(0x80, PurseInstruction.Abort, 0, 0, default, 256)).IsSuccess);
        Assert.True(_purse.Send(new CommandApdu(0x80, PurseInstruction.GetData, 0, 1, default, 256)).IsSuccess);
    }

    [Fact]
    public void SELECT_answers_the_FCI_of_spec_5_1()
    {
        ResponseApdu response = _purse.Send(PurseCommands.Select());
        Assert.Equal(0x9000, response.StatusWord.Value);
        Assert.Equal("6F" + "2B" + "840AF0534343505552534501" + "A51D" + "94020100" + "870107" + "8008" + _purse.Id + "810101" +
            "880100" + "840400000001", Hex.Encode(response.Data.Span));
        PurseFci fci = PurseResponses.ParseFci(response.Data.Span);
        Assert.Equal(PurseLifecycle.Issued, fci.Lifecycle);
        Assert.Equal(_purse.Id, fci.PurseId);
        Assert.Equal(1u, fci.NextSequenceNumber);
    }

    [Fact]
    public void SELECT_with_other_parameters_or_another_AID_is_refused()
    {
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x00, 0xA4, 0x04, 0x0C, PurseAid.Value, 256), 0x6A86);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x00, 0xA4, 0x04, 0x00, [0xA0, 0x00, 0x00, 0x00, 0x04], 256), 0x6A82);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x00, 0xA4, 0x00, 0x00, [0x3F, 0x00], 256), 0x6A86);
    }

    [Fact]
    public void SELECT_clears_the_session()
    {
        SimulatedPurse merchant = Simulated(PurseClass.Merchant, ConformanceKeys.Merchant1);
        _purse.VerifyPeer(merchant.Certificate);
        _purse.SendOk(PurseCommands.VerifyLockCode("1234"));
        Assert.Equal(PurseFlags.LockCodeVerified, _purse.Status().Flags);

        _purse.Select();

        Assert.Equal(PurseFlags.None, _purse.Status().Flags);
        _purse.SendExpect(PurseCommands.VerifyLockCode(), 0x63C3);
        AssertRefusedWithoutChange(_purse, PurseCommands.StartFrom(merchant.Id, Eur, 1, 1), 0x6A88);
    }

    [Fact]
    public void A_response_longer_than_Ne_waits_for_GET_RESPONSE()
    {
        byte[] expected = _purse.SendOk(PurseCommands.GetData(PurseDataObject.Status));
        ResponseApdu announced = _purse.Send(new CommandApdu(0x80, PurseInstruction.GetData, 0, 1));
        Assert.Equal(0x61, announced.Sw1);
        Assert.Equal(expected.Length, announced.Sw2);
        Assert.True(announced.Data.IsEmpty);
        Assert.Equal(expected, _purse.SendOk(PurseCommands.GetResponse()));
    }

    [Fact]
    public void GET_RESPONSE_with_nothing_pending_is_6985_and_with_other_parameters_6A86()
    {
        AssertRefusedWithoutChange(_purse, PurseCommands.GetResponse(), 0x6985);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x00, 0xC0, 0x01, 0x00, default, 256), 0x6A86);
        AssertRefusedWithoutChange(_purse, new CommandApdu(0x00, 0xC0, 0x00, 0x00, [1], 256), 0x6700);
    }
}
