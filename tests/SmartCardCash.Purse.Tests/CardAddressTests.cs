using SmartCardCash.CardAccess;

namespace SmartCardCash.Purse.Tests;

public sealed class CardAddressTests
{
    [Theory]
    [InlineData("emu:alice", CardAddressKind.Emulated, "alice", "emu:alice")]
    [InlineData("EMU:alice", CardAddressKind.Emulated, "alice", "emu:alice")]
    [InlineData("emulator:alice", CardAddressKind.Emulated, "alice", "emu:alice")]
    [InlineData("pcsc:Virtual PCD 00 00", CardAddressKind.Pcsc, "Virtual PCD 00 00", "pcsc:Virtual PCD 00 00")]
    [InlineData("pcsc: pcd 01 ", CardAddressKind.Pcsc, "pcd 01", "pcsc:pcd 01")]
    [InlineData("tcp://127.0.0.1:7700", CardAddressKind.Remote, "127.0.0.1:7700", "tcp://127.0.0.1:7700")]
    [InlineData("tcp://card.example:1", CardAddressKind.Remote, "card.example:1", "tcp://card.example:1")]
    [InlineData("tcp://[::1]:7700/", CardAddressKind.Remote, "[::1]:7700", "tcp://[::1]:7700")]
    [InlineData("alice", CardAddressKind.Unresolved, "alice", "alice")]
    [InlineData("ACS ACR122U", CardAddressKind.Unresolved, "ACS ACR122U", "ACS ACR122U")]
    public void Every_form_parses_and_prints_canonically(string text, CardAddressKind kind, string target, string canonical)
    {
        CardAddress address = CardAddress.Parse(text);

        Assert.Equal(kind, address.Kind);
        Assert.Equal(target, address.Target);
        Assert.Equal(canonical, address.ToString());
        Assert.Equal(address, CardAddress.Parse(address.ToString()) with { });
    }

    [Fact]
    public void A_remote_address_carries_host_and_port()
    {
        CardAddress address = CardAddress.Parse("tcp://[::1]:7700");

        Assert.Equal("::1", address.Host);
        Assert.Equal(7700, address.Port);
    }

    [Theory]
    [InlineData("", "a card address is needed")]
    [InlineData("emu:", "not a valid card name")]
    [InlineData("emu:al ice", "not a valid card name")]
    [InlineData("emu:-x", "not a valid card name")]
    [InlineData("pcsc:", "needs a reader name")]
    [InlineData("tcp://host", "has no port")]
    [InlineData("tcp://host:0", "not a TCP port")]
    [InlineData("tcp://host:65536", "not a TCP port")]
    [InlineData("tcp://host:x", "is not a port number")]
    [InlineData("tcp://:7700", "needs a host")]
    [InlineData("tcp://host:7700/path", "nothing may follow the port")]
    [InlineData("tcp://::1:7700", "in brackets")]
    [InlineData("http://host:80", "the only network form is tcp://")]
    public void Malformed_addresses_are_refused_with_a_reason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => CardAddress.Parse(text));

        Assert.Contains(reason, error.Message);
        Assert.False(CardAddress.TryParse(text, out _));
    }
}
