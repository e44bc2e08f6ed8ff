namespace SmartCardCash.Iso7816.Tests.Tlv;

public class TlvReaderTests
{
    [Fact]
    public void Reads_objects_in_order_with_their_offsets()
    {
        byte[] data = Hex.Decode("84 02 A0 01  9F 02 01 05  5F 81 01 00");
        var reader = new TlvReader(data);

        Assert.True(reader.Read());
        Assert.Equal(new Tag(0x84), reader.Tag);
        Assert.Equal(new byte[] { 0xA0, 0x01 }, reader.Value.ToArray());
        Assert.Equal(0, reader.TagOffset);
        Assert.Equal(2, reader.ValueOffset);

        Assert.True(reader.Read());
        Assert.Equal(new Tag(0x9F02), reader.Tag);
        Assert.Equal(4, reader.TagOffset);
        Assert.Equal(new byte[] { 0x05 }, reader.Value.ToArray());

        Assert.True(reader.Read());
        Assert.Equal(new Tag(0x5F8101), reader.Tag);
        Assert.Equal(8, reader.TagOffset);
        Assert.True(reader.Value.IsEmpty);

        Assert.False(reader.HasMore);
        Assert.False(reader.Read());
        Assert.Equal(data.Length, reader.Offset);
    }

    [Theory]
    [InlineData("81 80", 0x80, 3)]
    [InlineData("81 FF", 0xFF, 3)]
    [InlineData("82 01 00", 0x100, 4)]
    [InlineData("82 FF FF", 0xFFFF, 4)]
    [InlineData("83 01 00 00", 0x10000, 5)]
    public void Reads_long_form_lengths(string lengthField, int length, int valueOffset)
    {
        byte[] data = [0xC1, .. Hex.Decode(lengthField), .. new byte[length]];
        var reader = new TlvReader(data);

        Assert.True(reader.Read());
        Assert.Equal(length, reader.Value.Length);
        Assert.Equal(valueOffset, reader.ValueOffset);
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("84 81 02 A0 01")]
    [InlineData("84 82 00 02 A0 01")]
    [InlineData("84 83 00 00 02 A0 01")]
    public void Accepts_non_minimal_long_form_lengths_because_cards_send_them(string hex)
    {
        var reader = new TlvReader(Hex.Decode(hex));

        Assert.True(reader.Read());
        Assert.Equal(new byte[] { 0xA0, 0x01 }, reader.Value.ToArray());
    }

    [Fact]
    public void Skips_00_and_FF_padding_before_between_and_after_objects()
    {
        var reader = new TlvReader(Hex.Decode("00 FF 84 01 AA 00 00 FF 85 01 BB FF FF 00"));

        Assert.True(reader.Read());
        Assert.Equal(new Tag(0x84), reader.Tag);
        Assert.True(reader.HasMore);
        Assert.True(reader.Read());
        Assert.Equal(new Tag(0x85), reader.Tag);
        Assert.Equal(8, reader.TagOffset);
        Assert.False(reader.HasMore);
        Assert.False(reader.Read());
    }

    [Fact]
    public void Padding_alone_holds_no_objects()
    {
        var reader = new TlvReader(Hex.Decode("00 00 FF"));

        Assert.False(reader.HasMore);
        Assert.False(reader.Read());
    }

    [Theory]
    [InlineData("00 84 01 AA", 0, "byte 00 cannot start a tag")]
    [InlineData("84 01 AA FF", 3, "byte FF cannot start a tag")]
    public void Rejects_padding_when_asked_to(string hex, int offset, string reason)
    {
        TlvFormatException e = ReadEverything(hex, skipPadding: false);

        Assert.Equal(offset, e.Offset);
        Assert.Contains(reason, e.Message);
    }

    [Theory]
    [InlineData("9F", 0, "tag 9F is truncated")]
    [InlineData("84 01 AA 5F", 3, "tag 5F is truncated")]
    [InlineData("5F 81", 0, "tag 5F81 is truncated")]
    [InlineData("5F 81 81 01 00", 0, "longer than 3 bytes")]
    [InlineData("84", 1, "tag 84 has no length field")]
    [InlineData("84 01 AA 9F 02", 5, "tag 9F02 has no length field")]
    [InlineData("84 82 01", 1, "length field 82 needs 2 more bytes but only 1 remain")]
    [InlineData("84 83", 1, "length field 83 needs 3 more bytes but only 0 remain")]
    [InlineData("84 05 01 02", 1, "tag 84 announces 5 value bytes but only 2 remain")]
    [InlineData("84 81 05 01 02", 1, "tag 84 announces 5 value bytes but only 2 remain")]
    [InlineData("A5 80 84 01 AA 00 00", 1, "indefinite length")]
    [InlineData("84 84 00 00 00 01 AA", 1, "announces 4 length bytes; at most 3 (83) are supported")]
    [InlineData("6F 06 84 05 01 02 03 04", 3, "tag 84 announces 5 value bytes but only 4 remain")]
    [InlineData("6F 04 A5 02 9F 02", 6, "tag 9F02 has no length field")]
    public void Malformed_input_raises_TlvFormatException_at_the_faulty_field(string hex, int offset, string reason)
    {
        TlvFormatException e = ReadEverything(hex);

        Assert.Equal(offset, e.Offset);
        Assert.Contains(reason, e.Message);
        Assert.EndsWith($"(at byte {offset})", e.Message);
    }

    [Fact]
    public void ReadChildren_walks_a_constructed_value_with_absolute_offsets()
    {
        var reader = new TlvReader(Hex.Decode("6F 07 84 01 A0 A5 02 88 00"));
        Assert.True(reader.Read());

        TlvReader children = reader.ReadChildren();
        Assert.True(children.Read());
        Assert.Equal(new Tag(0x84), children.Tag);
        Assert.Equal(2, children.TagOffset);
        Assert.True(children.Read());
        Assert.Equal(new Tag(0xA5), children.Tag);

        TlvReader grandchildren = children.ReadChildren();
        Assert.True(grandchildren.Read());
        Assert.Equal(new Tag(0x88), grandchildren.Tag);
        Assert.Equal(7, grandchildren.TagOffset);
        Assert.False(children.Read());
        Assert.False(reader.Read());
    }

    [Fact]
    public void ReadChildren_needs_a_current_object()
    {
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new TlvReader(Hex.Decode("84 00"));
            _ = reader.ReadChildren();
        });
        Assert.Throws<InvalidOperationException>(() =>
        {
            var reader = new TlvReader(Hex.Decode("84 00"));
            reader.Read();
            reader.Read();
            _ = reader.ReadChildren();
        });
    }

    [Fact]
    public void ReadValue_returns_the_value_of_the_expected_tag()
    {
        var reader = new TlvReader(Hex.Decode("9F 36 02 00 1C"));

        Assert.Equal(new byte[] { 0x00, 0x1C }, reader.ReadValue(new Tag(0x9F36)).ToArray());
    }

    [Fact]
    public void ReadValue_rejects_another_tag_or_the_end_of_data()
    {
        var wrongTag = Assert.Throws<TlvFormatException>(() =>
        {
            var reader = new TlvReader(Hex.Decode("00 9F 13 01 05"));
            reader.ReadValue(new Tag(0x9F36));
        });
        Assert.Equal(1, wrongTag.Offset);
        Assert.Contains("expected tag 9F36 but found tag 9F13", wrongTag.Message);

        var end = Assert.Throws<TlvFormatException>(() =>
        {
            var reader = new TlvReader(Hex.Decode("84 00 00"));
            reader.Read();
            reader.ReadValue(new Tag(0x85));
        });
        Assert.Equal(3, end.Offset);
        Assert.Contains("expected tag 85 but the data ends", end.Message);
    }

    /// <summary>Reads every object, descending into constructed ones, and returns the error it must raise.</summary>
    private static TlvFormatException ReadEverything(string hex, bool skipPadding = true) =>
        Assert.Throws<TlvFormatException>(() =>
        {
            var reader = new TlvReader(Hex.Decode(hex), skipPadding);
            Walk(ref reader);
        });

    private static void Walk(ref TlvReader reader)
    {
        while (reader.Read())
        {
            if (reader.Tag.IsConstructed)
            {
                TlvReader children = reader.ReadChildren();
                Walk(ref children);
            }
        }
    }
}
