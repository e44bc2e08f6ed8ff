namespace SmartCardCash.Iso7816.Tests.Apdu;

public class CommandApduTests
{
    private static readonly byte[] Aid = Hex.Decode("A0 00 00 08 70 01 01");

    public static TheoryData<string, string, int, ApduEncoding, string, ApduCase> Encodings => new()
    {
        // CLA INS P1 P2 | data | Ne | requested encoding | expected bytes | case
        { "00 A4 04 00", "", 0, ApduEncoding.Auto, "00A40400", ApduCase.Case1 },
        { "00 B0 00 00", "", 16, ApduEncoding.Auto, "00B0000010", ApduCase.Case2Short },
        { "00 B0 00 00", "", 256, ApduEncoding.Auto, "00B0000000", ApduCase.Case2Short },
        { "00 DA 01 02", "01 02 03", 0, ApduEncoding.Auto, "00DA010203010203", ApduCase.Case3Short },
        { "00 A4 04 00", "A0 00 00 08 70 01 01", 256, ApduEncoding.Auto, "00A4040007A000000870010100", ApduCase.Case4Short },
        { "00 A4 04 00", "A0 00 00 08 70 01 01", 5, ApduEncoding.Short, "00A4040007A000000870010105", ApduCase.Case4Short },
        { "00 B0 00 00", "", 256, ApduEncoding.Extended, "00B00000000100", ApduCase.Case2Extended },
        { "00 B0 00 00", "", 257, ApduEncoding.Auto, "00B00000000101", ApduCase.Case2Extended },
        { "00 B0 00 00", "", 65536, ApduEncoding.Auto, "00B00000000000", ApduCase.Case2Extended },
        { "00 DA 01 02", "01 02 03", 0, ApduEncoding.Extended, "00DA0102000003010203", ApduCase.Case3Extended },
        { "00 A4 04 00", "01 02 03", 65536, ApduEncoding.Auto, "00A40400000003010203" + "0000", ApduCase.Case4Extended },
        { "00 A4 04 00", "01 02 03", 257, ApduEncoding.Auto, "00A40400000003010203" + "0101", ApduCase.Case4Extended },
        { "00 A4 04 00", "01 02 03", 1, ApduEncoding.Extended, "00A40400000003010203" + "0001", ApduCase.Case4Extended },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Encodes_every_case_to_the_exact_bytes(string header, string data, int ne, ApduEncoding encoding,
        string expected, ApduCase expectedCase)
    {
        CommandApdu command = Build(header, data, ne, encoding);

        Assert.Equal(expected, command.ToHex());
        Assert.Equal(expected.Length / 2, command.EncodedLength);
        Assert.Equal(expectedCase, command.Case);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parses_every_case_back_to_the_same_fields(string header, string data, int ne, ApduEncoding encoding,
        string expected, ApduCase expectedCase)
    {
        CommandApdu parsed = CommandApdu.ParseHex(expected);

        byte[] headerBytes = Hex.Decode(header);
        Assert.Equal(headerBytes[0], parsed.Cla);
        Assert.Equal(headerBytes[1], parsed.Ins);
        Assert.Equal(headerBytes[2], parsed.P1);
        Assert.Equal(headerBytes[3], parsed.P2);
        Assert.Equal(Hex.Decode(data), parsed.Data.ToArray());
        Assert.Equal(ne, parsed.Ne);
        Assert.Equal(expectedCase, parsed.Case);
        Assert.Equal(Build(header, data, ne, encoding), parsed);
        Assert.Equal(expected, parsed.ToHex());
    }

    [Fact]
    public void Long_data_makes_a_case_3_extended_command_with_three_byte_Lc()
    {
        byte[] data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        var command = new CommandApdu(0x00, 0xDA, 0x01, 0x02, data);

        Assert.True(command.IsExtended);
        Assert.Equal(ApduCase.Case3Extended, command.Case);
        Assert.Equal("00DA010200012C", Convert.ToHexString(command.ToBytes().AsSpan(0, 7)));
        Assert.Equal(command, CommandApdu.Parse(command.ToBytes()));
    }

    [Theory]
    [InlineData(255, false)]
    [InlineData(256, true)]
    public void Data_over_255_bytes_forces_extended_encoding(int nc, bool extended)
    {
        var command = new CommandApdu(0x00, 0xD6, 0x00, 0x00, new byte[nc]);

        Assert.Equal(extended, command.IsExtended);
        Assert.Equal(extended ? 4 + 3 + nc : 4 + 1 + nc, command.ToBytes().Length);
    }

    [Theory]
    [InlineData(256, "00", false)]
    [InlineData(257, "000101", true)]
    [InlineData(65535, "00FFFF", true)]
    [InlineData(65536, "000000", true)]
    public void Ne_edges_encode_as_ISO_7816_3_says(int ne, string expectedLe, bool extended)
    {
        var command = new CommandApdu(0x00, 0xB0, 0x00, 0x00, default, ne);

        Assert.Equal(extended, command.IsExtended);
        Assert.Equal("00B00000" + expectedLe, command.ToHex());
        Assert.Equal(ne, CommandApdu.Parse(command.ToBytes()).Ne);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65537)]
    public void Impossible_Ne_is_rejected(int ne)
    {
        var e = Assert.Throws<ApduFormatException>(() => new CommandApdu(0x00, 0xB0, 0x00, 0x00, default, ne));
        Assert.Contains($"Ne {ne} is impossible", e.Message);
    }

    [Fact]
    public void Data_longer_than_any_APDU_is_rejected()
    {
        var e = Assert.Throws<ApduFormatException>(() => new CommandApdu(0x00, 0xD6, 0x00, 0x00, new byte[65536]));
        Assert.Contains("65536 bytes is impossible", e.Message);
    }

    [Theory]
    [InlineData(256, 0)]
    [InlineData(1, 257)]
    public void Short_encoding_refuses_lengths_it_cannot_carry(int nc, int ne)
    {
        var e = Assert.Throws<ApduFormatException>(
            () => new CommandApdu(0x00, 0xD6, 0x00, 0x00, new byte[nc], ne, ApduEncoding.Short));
        Assert.Contains("does not fit a short APDU", e.Message);
    }

    [Fact]
    public void Case_1_has_no_extended_form()
    {
        var e = Assert.Throws<ApduFormatException>(
            () => new CommandApdu(0x00, 0x70, 0x00, 0x00, default, 0, ApduEncoding.Extended));
        Assert.Contains("case 1", e.Message);
    }

    [Theory]
    [InlineData("", "at least 4 header bytes; got 0")]
    [InlineData("00 A4 04", "at least 4 header bytes; got 3")]
    [InlineData("00 A4 04 00 05 A0 00", "short Lc=5 needs a body of 6 or 7 bytes after the header; got 3")]
    [InlineData("00 A4 04 00 02 01 02 00 00", "short Lc=2 needs a body of 3 or 4 bytes after the header; got 5")]
    [InlineData("00 A4 04 00 00 01", "an extended length field needs 3 bytes after the header; got 2")]
    [InlineData("00 A4 04 00 00 00 00 01", "extended Lc=0000 is not allowed")]
    [InlineData("00 A4 04 00 00 00 05 01 02", "extended Lc=5 needs a body of 8 or 10 bytes after the header; got 5")]
    [InlineData("00 A4 04 00 00 00 02 01 02 00", "extended Lc=2 needs a body of 5 or 7 bytes after the header; got 6")]
    public void Malformed_bytes_are_rejected_with_a_message_that_says_why(string hex, string expectedMessage)
    {
        var e = Assert.Throws<ApduFormatException>(() => CommandApdu.ParseHex(hex));

        Assert.Contains(expectedMessage, e.Message);
        Assert.False(CommandApdu.TryParse(Hex.Decode(hex), out CommandApdu? command));
        Assert.Null(command);
    }

    [Fact]
    public void TryParse_returns_the_command_for_good_bytes()
    {
        Assert.True(CommandApdu.TryParse(Hex.Decode("00 A4 04 00 00"), out CommandApdu? command));
        Assert.Equal(256, command!.Ne);
    }

    [Fact]
    public void ParseHex_accepts_separators_between_bytes()
    {
        Assert.Equal(CommandApdu.ParseHex("00A4040007A000000870010100"),
            CommandApdu.ParseHex("00:a4:04:00 07 A0-00-00-08-70-01-01 00"));
    }

    [Fact]
    public void WithCla_keeps_everything_else_including_the_extended_form()
    {
        var command = new CommandApdu(0x00, 0xDA, 0x01, 0x02, Aid, 0, ApduEncoding.Extended);

        CommandApdu changed = command.WithCla(0x84);

        Assert.Equal("84DA0102000007A0000008700101", changed.ToHex());
    }

    [Fact]
    public void WithNe_changes_only_Le()
    {
        CommandApdu command = CommandApdu.ParseHex("00 B2 01 0C 00");

        Assert.Equal("00B2010C1D", command.WithNe(0x1D).ToHex());
        Assert.Equal("00B2010C", command.WithNe(0).ToHex());
    }

    [Fact]
    public void WithNe_keeps_an_extended_command_extended()
    {
        // A card that needs extended length for a command still needs it when the command is resent after 6Cxx.
        var command = new CommandApdu(0x00, 0xCB, 0x3F, 0xFF, Hex.Decode("5C 01 7E"), 65536);

        CommandApdu resent = command.WithNe(0x20);

        Assert.True(resent.IsExtended);
        Assert.Equal("00CB3FFF0000035C017E0020", resent.ToHex());
    }

    [Fact]
    public void WithNe_zero_on_an_extended_case_2_falls_back_to_case_1()
    {
        var command = new CommandApdu(0x00, 0xB0, 0x00, 0x00, default, 300);

        Assert.Equal("00B00000", command.WithNe(0).ToHex());
    }

    [Theory]
    [InlineData(0x00, false)]
    [InlineData(0x10, true)]
    [InlineData(0x0C, false)]
    [InlineData(0x1C, true)]
    [InlineData(0x90, true)]
    [InlineData(0xFF, false)]
    public void IsChained_reads_the_chaining_bit_except_for_CLA_FF(byte cla, bool chained)
    {
        Assert.Equal(chained, new CommandApdu(cla, 0xDB, 0x3F, 0xFF, Aid).IsChained);
    }

    [Fact]
    public void Equal_commands_have_equal_hash_codes_and_different_ones_are_not_equal()
    {
        CommandApdu a = CommandApdu.ParseHex("00 A4 04 00 02 3F 00 00");
        CommandApdu b = CommandApdu.ParseHex("00A4040002 3F00 00");
        CommandApdu shortForm = CommandApdu.ParseHex("00 B0 00 00 00");
        CommandApdu extendedForm = CommandApdu.ParseHex("00 B0 00 00 00 01 00");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, a.WithCla(0x80));
        Assert.Equal(256, shortForm.Ne);
        Assert.Equal(256, extendedForm.Ne);
        Assert.NotEqual(shortForm, extendedForm);
    }

    [Fact]
    public void WriteTo_refuses_a_destination_that_is_too_small()
    {
        CommandApdu command = CommandApdu.ParseHex("00 A4 04 00 02 3F 00");

        var e = Assert.Throws<ArgumentException>(() => command.WriteTo(new byte[6]));
        Assert.Contains("needs 7", e.Message);
    }

    private static CommandApdu Build(string header, string data, int ne, ApduEncoding encoding)
    {
        byte[] h = Hex.Decode(header);
        return new CommandApdu(h[0], h[1], h[2], h[3], Hex.Decode(data), ne, encoding);
    }
}
