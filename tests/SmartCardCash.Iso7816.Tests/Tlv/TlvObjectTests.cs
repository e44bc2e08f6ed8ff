namespace SmartCardCash.Iso7816.Tests.Tlv;

public class TlvObjectTests
{
    // A SELECT answer: FCI template 6F holding the DF name 84 and the proprietary template A5.
    private const string Fci = "6F 1A 84 07 A0 00 00 08 70 01 01 A5 0F 50 05 50 55 52 53 45 9F 38 02 01 02 BF 0C 00";

    [Fact]
    public void Parses_a_nested_FCI_into_a_tree()
    {
        TlvObject fci = TlvObject.ParseHex(Fci);

        Assert.Equal(new Tag(0x6F), fci.Tag);
        Assert.True(fci.IsConstructed);
        Assert.Equal(2, fci.Children.Count);
        Assert.Equal(Hex.Decode("A0 00 00 08 70 01 01"), fci.Find(new Tag(0x84))!.Value.ToArray());

        TlvObject proprietary = fci.Find(new Tag(0xA5))!;
        Assert.Equal(3, proprietary.Children.Count);
        Assert.Equal("PURSE", System.Text.Encoding.ASCII.GetString(proprietary.Find(new Tag(0x50))!.Value.Span));
        Assert.Equal(0x0102u, proprietary.Find(new Tag(0x9F38))!.ValueAsUInt32());
        TlvObject discretionary = proprietary.Find(new Tag(0xBF0C))!;
        Assert.True(discretionary.IsConstructed);
        Assert.Empty(discretionary.Children);
    }

    [Fact]
    public void Parsed_objects_know_where_they_were()
    {
        TlvObject fci = TlvObject.ParseHex(Fci);

        Assert.Equal(0, fci.Offset);
        Assert.Equal(2, fci.Find(new Tag(0x84))!.Offset);
        Assert.Equal(13, fci.Find(new Tag(0xA5))!.Find(new Tag(0x50))!.Offset);
        Assert.Null(TlvObject.Primitive(new Tag(0x84), [1]).Offset);
    }

    [Fact]
    public void Find_looks_at_direct_children_and_FindDescendant_at_the_whole_tree()
    {
        TlvObject fci = TlvObject.ParseHex(Fci);

        Assert.Null(fci.Find(new Tag(0x50)));
        Assert.Equal(new Tag(0x50), fci.FindDescendant(new Tag(0x50))!.Tag);
        Assert.Null(fci.FindDescendant(new Tag(0x5F2D)));
        Assert.Null(TlvObject.Primitive(new Tag(0x84), []).Find(new Tag(0x84)));
    }

    [Fact]
    public void FindDescendant_returns_the_first_match_in_data_order()
    {
        TlvObject tree = TlvObject.ParseHex("70 0A A5 03 88 01 01 88 01 02 88 00");

        Assert.Equal(new byte[] { 0x01 }, tree.FindDescendant(new Tag(0x88))!.Value.ToArray());
    }

    [Fact]
    public void Built_trees_encode_with_minimal_lengths_and_round_trip()
    {
        TlvObject tree = TlvObject.Constructed(new Tag(0x6F),
            TlvObject.Primitive(new Tag(0x84), Hex.Decode("A0 00 00 08 70 01 01")),
            TlvObject.Constructed(new Tag(0xA5),
                TlvObject.Primitive(new Tag(0x50), "PURSE"u8),
                TlvObject.Unsigned(new Tag(0x9F38), 0x0102),
                TlvObject.Constructed(new Tag(0xBF0C))));

        Assert.Equal(Convert.ToHexString(Hex.Decode(Fci)), tree.ToHex());
        Assert.Equal(tree, TlvObject.Parse(tree.ToBytes()));
        Assert.Equal(28, tree.EncodedLength);
    }

    [Fact]
    public void Re_encoding_drops_padding_and_non_minimal_lengths_but_keeps_the_structure()
    {
        TlvObject received = TlvObject.ParseHex("00 6F 81 08 00 84 81 02 A0 01 FF FF FF");

        Assert.Equal("6F048402A001", received.ToHex());
        Assert.Equal(6, received.EncodedLength);
        Assert.Equal(TlvObject.ParseHex("6F 04 84 02 A0 01"), received);
        // The value of a parsed constructed object stays as the card sent it.
        Assert.Equal(Hex.Decode("00 84 81 02 A0 01 FF FF"), received.Value.ToArray());
    }

    [Fact]
    public void Long_values_get_long_form_lengths()
    {
        TlvObject big = TlvObject.Primitive(new Tag(0xC1), new byte[0x123]);

        byte[] encoded = big.ToBytes();

        Assert.Equal("C1820123", Convert.ToHexString(encoded.AsSpan(0, 4)));
        Assert.Equal(4 + 0x123, encoded.Length);
        Assert.Equal(big, TlvObject.Parse(encoded));
    }

    [Fact]
    public void ParseAll_reads_a_sequence_and_Parse_insists_on_exactly_one()
    {
        byte[] two = Hex.Decode("84 01 AA 85 01 BB");

        Assert.Equal(2, TlvObject.ParseAll(two).Count);
        Assert.Empty(TlvObject.ParseAll(Hex.Decode("00 00")));

        var extra = Assert.Throws<TlvFormatException>(() => TlvObject.Parse(two));
        Assert.Equal(3, extra.Offset);
        Assert.Contains("another one (tag 85) follows", extra.Message);

        var none = Assert.Throws<TlvFormatException>(() => TlvObject.Parse(Hex.Decode("FF FF")));
        Assert.Equal(2, none.Offset);
        Assert.Contains("holds none", none.Message);
    }

    [Fact]
    public void Parse_reports_errors_deep_inside_with_the_absolute_offset()
    {
        var e = Assert.Throws<TlvFormatException>(() => TlvObject.ParseHex("70 08 A5 06 88 01 01 88 05 02"));

        Assert.Equal(8, e.Offset);
        Assert.Contains("tag 88 announces 5 value bytes but only 1 remain", e.Message);
    }

    [Fact]
    public void Nesting_is_limited_so_hostile_data_cannot_exhaust_the_stack()
    {
        TlvObject.Parse(Nested(TlvObject.MaxNestingDepth));

        var e = Assert.Throws<TlvFormatException>(() => TlvObject.Parse(Nested(TlvObject.MaxNestingDepth + 1)));
        Assert.Equal(2 * TlvObject.MaxNestingDepth, e.Offset);
        Assert.Contains($"deeper than {TlvObject.MaxNestingDepth} levels", e.Message);
    }

    [Theory]
    [InlineData("9F 36 02 00 1C", 0x1Cu)]
    [InlineData("9F 36 01 00", 0u)]
    [InlineData("C1 04 FF FF FF FF", 0xFFFFFFFFu)]
    [InlineData("C1 06 00 00 12 34 56 78", 0x12345678u)]
    public void ValueAsUInt32_reads_big_endian_and_allows_leading_zeros(string hex, uint expected)
    {
        Assert.Equal(expected, TlvObject.ParseHex(hex).ValueAsUInt32());
    }

    [Fact]
    public void ValueAsUInt64_reads_eight_bytes()
    {
        Assert.Equal(0x0102030405060708ul, TlvObject.ParseHex("C1 08 01 02 03 04 05 06 07 08").ValueAsUInt64());
        Assert.Equal(ulong.MaxValue, TlvObject.Unsigned(new Tag(0xC1), ulong.MaxValue).ValueAsUInt64());
    }

    [Fact]
    public void Numbers_that_do_not_fit_or_are_missing_raise_TlvFormatException_at_the_value()
    {
        var tooBig = Assert.Throws<TlvFormatException>(() => TlvObject.ParseHex("00 C1 05 01 00 00 00 00").ValueAsUInt32());
        Assert.Equal(3, tooBig.Offset);
        Assert.Contains("5-byte number, more than the 4 bytes expected", tooBig.Message);

        var empty = Assert.Throws<TlvFormatException>(() => TlvObject.ParseHex("C1 81 00").ValueAsUInt64());
        Assert.Equal(3, empty.Offset);
        Assert.Contains("empty value", empty.Message);

        Assert.Throws<InvalidOperationException>(() => TlvObject.ParseHex("A5 00").ValueAsUInt32());
    }

    [Fact]
    public void Unsigned_uses_the_fewest_bytes()
    {
        Assert.Equal("C10100", TlvObject.Unsigned(new Tag(0xC1), 0).ToHex());
        Assert.Equal("C101FF", TlvObject.Unsigned(new Tag(0xC1), 0xFF).ToHex());
        Assert.Equal("C1020100", TlvObject.Unsigned(new Tag(0xC1), 0x100).ToHex());
        Assert.Equal("C108FFFFFFFFFFFFFFFF", TlvObject.Unsigned(new Tag(0xC1), ulong.MaxValue).ToHex());
    }

    [Fact]
    public void Factories_check_the_constructed_bit()
    {
        var primitive = Assert.Throws<ArgumentException>(() => TlvObject.Primitive(new Tag(0x6F), []));
        Assert.Contains("tag 6F is constructed", primitive.Message);

        var constructed = Assert.Throws<ArgumentException>(() => TlvObject.Constructed(new Tag(0x84)));
        Assert.Contains("tag 84 is primitive", constructed.Message);
    }

    [Fact]
    public void Values_longer_than_a_3_byte_length_can_announce_are_rejected()
    {
        var e = Assert.Throws<ArgumentException>(() => TlvObject.Primitive(new Tag(0xC1), new byte[0x1000000]));
        Assert.Contains("16777216 bytes is longer than the 16777215 bytes", e.Message);
    }

    [Fact]
    public void Equality_is_structural()
    {
        TlvObject a = TlvObject.ParseHex("6F 05 84 03 01 02 03");
        TlvObject b = TlvObject.ParseHex("6F 82 00 06 84 81 03 01 02 03");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, TlvObject.ParseHex("6F 05 84 03 01 02 04"));
        Assert.NotEqual(a, TlvObject.ParseHex("6F 05 85 03 01 02 03"));
        Assert.NotEqual(a, TlvObject.ParseHex("6F 00"));
    }

    [Fact]
    public void ToString_shows_the_tree_on_one_line()
    {
        Assert.Equal("6F { 84: A0000008700101, A5 { 50: 5055525345, 9F38: 0102, BF0C {} } }",
            TlvObject.ParseHex(Fci).ToString());
        Assert.Equal("84: (empty)", TlvObject.ParseHex("84 00").ToString());
    }

    private static byte[] Nested(int depth)
    {
        var writer = new TlvWriter();
        var scopes = new Stack<IDisposable>();
        for (int i = 0; i < depth; i++)
        {
            scopes.Push(writer.BeginConstructed(new Tag(0xA0)));
        }
        while (scopes.Count > 0)
        {
            scopes.Pop().Dispose();
        }
        return writer.ToArray();
    }
}
