namespace SmartCardCash.Iso7816.Tests.Apdu;

public class StatusWordTests
{
    [Theory]
    [InlineData(0x9000, "success")]
    [InlineData(0x6110, "success, 16 response bytes wait for GET RESPONSE")]
    [InlineData(0x6100, "success, 256 or more response bytes wait for GET RESPONSE")]
    [InlineData(0x6C20, "wrong Le: 32 bytes available")]
    [InlineData(0x6C00, "wrong Le: 256 bytes available")]
    [InlineData(0x6700, "wrong length (Lc or Le)")]
    [InlineData(0x6982, "security status not satisfied")]
    [InlineData(0x6985, "conditions of use not satisfied")]
    [InlineData(0x6A82, "file or application not found")]
    [InlineData(0x6A86, "incorrect parameters P1-P2")]
    [InlineData(0x6D00, "instruction code not supported or invalid")]
    [InlineData(0x6E00, "class not supported")]
    [InlineData(0x63C2, "verification failed, 2 tries left")]
    [InlineData(0x63C1, "verification failed, 1 try left")]
    [InlineData(0x63C0, "verification failed, 0 tries left")]
    [InlineData(0x6883, "last command of the chain expected")]
    [InlineData(0x9001, "unknown status word")]
    public void Meaning_is_the_ISO_7816_4_wording(int value, string meaning)
    {
        Assert.Equal(meaning, new StatusWord((ushort)value).Meaning);
    }

    [Theory]
    [InlineData(0x63C3, 3)]
    [InlineData(0x63C0, 0)]
    [InlineData(0x63CF, 15)]
    public void RetriesLeft_reads_63Cx(int value, int retries)
    {
        Assert.Equal(retries, new StatusWord((ushort)value).RetriesLeft);
    }

    [Theory]
    [InlineData(0x9000)]
    [InlineData(0x6300)]
    [InlineData(0x6983)]
    [InlineData(0x62C2)]
    public void RetriesLeft_is_null_for_anything_but_63Cx(int value)
    {
        Assert.Null(new StatusWord((ushort)value).RetriesLeft);
    }

    [Fact]
    public void Predicates_classify_status_words()
    {
        Assert.True(StatusWord.Success.IsSuccess);
        Assert.True(StatusWord.Success.IsNormal);
        Assert.True(new StatusWord(0x61, 0x00).HasMoreData);
        Assert.True(new StatusWord(0x61, 0x00).IsNormal);
        Assert.False(new StatusWord(0x61, 0x00).IsSuccess);
        Assert.True(new StatusWord(0x6C, 0x10).IsWrongLe);
        Assert.True(new StatusWord(0x63, 0xC1).IsWarning);
        Assert.False(StatusWord.FileOrApplicationNotFound.IsWarning);
        Assert.False(StatusWord.WrongLength.IsNormal);
    }

    [Fact]
    public void Bytes_and_value_agree()
    {
        var sw = new StatusWord(0x6A, 0x82);

        Assert.Equal(0x6A82, sw.Value);
        Assert.Equal(0x6A, sw.Sw1);
        Assert.Equal(0x82, sw.Sw2);
        Assert.Equal(StatusWord.FileOrApplicationNotFound, sw);
    }

    [Fact]
    public void Display_string_shows_hex_and_meaning()
    {
        Assert.Equal("6A82", StatusWord.FileOrApplicationNotFound.ToString());
        Assert.Equal("6A82 (file or application not found)", StatusWord.FileOrApplicationNotFound.ToDisplayString());
    }

    [Fact]
    public void Parse_reads_hex_and_rejects_other_lengths()
    {
        Assert.Equal(StatusWord.SecurityStatusNotSatisfied, StatusWord.Parse("69 82"));
        var e = Assert.Throws<FormatException>(() => StatusWord.Parse("900000"));
        Assert.Contains("is 3", e.Message);
    }
}
