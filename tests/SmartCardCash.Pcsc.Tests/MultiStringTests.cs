using System.Text;
using CsCheck;

namespace SmartCardCash.Pcsc.Tests;

public sealed class MultiStringTests
{
    [Theory]
    [InlineData("", new string[0])]
    [InlineData("\0", new string[0])]
    [InlineData("\0\0", new string[0])]
    [InlineData("Reader A\0\0", new[] { "Reader A" })]
    [InlineData("Reader A\0Reader B\0\0", new[] { "Reader A", "Reader B" })]
    [InlineData("Reader A\0Reader B\0\0\0\0\0", new[] { "Reader A", "Reader B" })]
    [InlineData("Unterminated", new[] { "Unterminated" })]
    [InlineData("A\0\0B\0\0", new[] { "A" })]
    public void Parses_utf8_and_utf16_multi_strings(string text, string[] expected)
    {
        Assert.Equal(expected, MultiString.ParseUtf8(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(expected, MultiString.ParseUtf16(text.AsSpan()));
    }

    [Fact]
    public void Parses_utf8_reader_names()
    {
        var bytes = Encoding.UTF8.GetBytes("Lecteur «Ünïcode» 00 00\0Читач 01\0\0");

        Assert.Equal(["Lecteur «Ünïcode» 00 00", "Читач 01"], MultiString.ParseUtf8(bytes));
    }

    [Fact]
    public void Encodes_no_names_as_null_and_names_with_a_double_terminator()
    {
        Assert.Null(MultiString.EncodeUtf8(null));
        Assert.Null(MultiString.EncodeUtf16([]));
        Assert.Equal("G1\0G2\0\0"u8.ToArray(), MultiString.EncodeUtf8(["G1", "G2"]));
        Assert.Equal("G1\0\0".ToCharArray(), MultiString.EncodeUtf16(["G1"]));
        Assert.Equal("é\0"u8.ToArray(), MultiString.ToUtf8Z("é"));
    }

    [Fact]
    public void Encoding_then_parsing_gives_the_names_back()
    {
        var name = Gen.String[Gen.Char.Where(c => c != '\0' && !char.IsSurrogate(c)), 1, 40];
        name.List[1, 8].Sample(names =>
        {
            Assert.Equal(names, MultiString.ParseUtf8(MultiString.EncodeUtf8(names)));
            Assert.Equal(names, MultiString.ParseUtf16(MultiString.EncodeUtf16(names)));
        });
    }
}
