using SmartCardCash.Cli.Payments;

namespace SmartCardCash.Cli.Tests;

public sealed class ShellWordTests
{
    [Theory]
    [InlineData("emu:alice", "emu:alice")]
    [InlineData("tcp://127.0.0.1:7000", "tcp://127.0.0.1:7000")]
    [InlineData("pcsc:Virtual PCD 00 00", "'pcsc:Virtual PCD 00 00'")]
    [InlineData("pcsc:O'Brien's reader", "'pcsc:O'\\''Brien'\\''s reader'")]
    [InlineData("a;rm -rf", "'a;rm -rf'")]
    [InlineData("", "''")]
    public void Addresses_are_quoted_only_when_a_shell_would_split_or_interpret_them(string address, string expected)
    {
        Assert.Equal(expected, ShellWord.Quote(address));
    }
}
