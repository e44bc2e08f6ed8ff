using SmartCardCash.Pcsc.Interop.Linux;
using SmartCardCash.Pcsc.Interop.Windows;

namespace SmartCardCash.Pcsc.Tests;

/// <summary>Constants that differ per platform, and the translations between them and the managed values.</summary>
public sealed class PlatformConstantsTests
{
    [Theory]
    [InlineData(PcscProtocols.T0, 1u, 1u)]
    [InlineData(PcscProtocols.T1, 2u, 2u)]
    [InlineData(PcscProtocols.Any, 3u, 3u)]
    [InlineData(PcscProtocols.Raw, 4u, 0x10000u)]
    [InlineData(PcscProtocols.Raw | PcscProtocols.T1, 6u, 0x10002u)]
    [InlineData(PcscProtocols.None, 0u, 0u)]
    public void Protocols_translate_to_each_platforms_values(PcscProtocols managed, uint pcscLite, uint windows)
    {
        Assert.Equal(pcscLite, PcscProtocolCodec.ToNative(managed, PcscPlatform.PcscLite));
        Assert.Equal(pcscLite, PcscProtocolCodec.ToNative(managed, PcscPlatform.MacOs));
        Assert.Equal(windows, PcscProtocolCodec.ToNative(managed, PcscPlatform.Windows));
        Assert.Equal(managed, PcscProtocolCodec.FromNative(pcscLite, PcscPlatform.PcscLite));
        Assert.Equal(managed, PcscProtocolCodec.FromNative(windows, PcscPlatform.Windows));
    }

    [Theory]
    [InlineData(0u, PcscCardState.Unknown)]
    [InlineData(1u, PcscCardState.Absent)]
    [InlineData(2u, PcscCardState.Present)]
    [InlineData(3u, PcscCardState.Present | PcscCardState.Swallowed)]
    [InlineData(4u, PcscCardState.Present | PcscCardState.Powered)]
    [InlineData(5u, PcscCardState.Present | PcscCardState.Powered | PcscCardState.Negotiable)]
    [InlineData(6u, PcscCardState.Present | PcscCardState.Powered | PcscCardState.Specific)]
    public void Windows_card_state_enumeration_maps_to_the_pcsclite_flags(uint windows, PcscCardState expected)
    {
        Assert.Equal(expected, WindowsCardStateCodec.ToFlags(windows));
    }

    [Fact]
    public void Pcsclite_card_state_bits_are_the_managed_flags()
    {
        // pcsclite.h: SCARD_UNKNOWN 1, ABSENT 2, PRESENT 4, SWALLOWED 8, POWERED 0x10, NEGOTIABLE 0x20, SPECIFIC 0x40.
        Assert.Equal(PcscCardState.Present | PcscCardState.Powered | PcscCardState.Negotiable, (PcscCardState)0x34);
        Assert.Equal(0x40, (int)PcscCardState.Specific);
    }

    [Fact]
    public void Control_codes_follow_each_platforms_scard_ctl_code()
    {
        // reader.h: SCARD_CTL_CODE(code) = 0x42000000 + code; CM_IOCTL_GET_FEATURE_REQUEST = SCARD_CTL_CODE(3400).
        Assert.Equal(0x42000D48u, PcscCard.ControlCodeFor(3400, PcscPlatform.PcscLite));
        Assert.Equal(0x42000D48u, PcscCard.ControlCodeFor(3400, PcscPlatform.MacOs));
        // winsmcrd.h: CTL_CODE(FILE_DEVICE_SMARTCARD = 0x31, function, METHOD_BUFFERED, FILE_ANY_ACCESS).
        Assert.Equal(0x00313520u, PcscCard.ControlCodeFor(3400, PcscPlatform.Windows));
    }

    [Theory]
    [InlineData(PcscAttribute.VendorName, 1, 0x0100)]
    [InlineData(PcscAttribute.VendorIfdType, 1, 0x0101)]
    [InlineData(PcscAttribute.ChannelId, 2, 0x0110)]
    [InlineData(PcscAttribute.MaxIfsd, 3, 0x0125)]
    [InlineData(PcscAttribute.Characteristics, 6, 0x0150)]
    [InlineData(PcscAttribute.CurrentProtocolType, 8, 0x0201)]
    [InlineData(PcscAttribute.AtrString, 9, 0x0303)]
    [InlineData(PcscAttribute.MaxInput, 7, 0xA007)]
    [InlineData(PcscAttribute.DeviceFriendlyNameA, 0x7FFF, 0x0003)]
    [InlineData(PcscAttribute.DeviceFriendlyNameW, 0x7FFF, 0x0005)]
    public void Attribute_ids_are_scard_attr_value_of_class_and_tag(PcscAttribute attribute, int @class, int tag)
    {
        Assert.Equal(((uint)@class << 16) | (uint)tag, (uint)attribute);
    }

    [Fact]
    public void Share_modes_dispositions_and_scopes_have_the_header_values()
    {
        Assert.Equal([1, 2, 3], new[] { PcscShareMode.Exclusive, PcscShareMode.Shared, PcscShareMode.Direct }.Select(m => (int)m));
        Assert.Equal([0, 1, 2, 3],
            new[] { PcscDisposition.Leave, PcscDisposition.Reset, PcscDisposition.Unpower, PcscDisposition.Eject }
                .Select(d => (int)d));
        Assert.Equal([0, 1, 2], new[] { PcscScope.User, PcscScope.Terminal, PcscScope.System }.Select(s => (int)s));
        Assert.Equal(0x0400, (int)PcscReaderStateFlags.Unpowered);
        Assert.Equal(0x0200, (int)PcscReaderStateFlags.Mute);
    }

    [Fact]
    public void The_receive_buffer_holds_the_largest_extended_response_and_no_more_than_pcsclite_accepts()
    {
        Assert.True(PcscCard.ReceiveBufferSize >= 65536 + 2);
        Assert.Equal(PcscLiteApi.MaxBufferSizeExtended, PcscCard.ReceiveBufferSize);
    }

    [Fact]
    public void The_current_platform_on_linux_is_pcsclite()
    {
        Assert.True(OperatingSystem.IsLinux());
        Assert.Equal(PcscPlatform.PcscLite, PcscApiFactory.CurrentPlatform);
        Assert.IsType<PcscLiteApi>(PcscApiFactory.Create());
    }
}
