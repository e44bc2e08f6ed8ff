using System.Runtime.InteropServices;
using SmartCardCash.Pcsc.Interop.Linux;
using SmartCardCash.Pcsc.Interop.MacOs;
using SmartCardCash.Pcsc.Interop.Windows;

namespace SmartCardCash.Pcsc.Tests;

/// <summary>
/// The blittable structs must match the C headers byte for byte. Each platform has its own type, so all of them are
/// checked here on Linux. Expected numbers come from the headers and the ABIs (see each test).
/// </summary>
public sealed unsafe class NativeLayoutTests
{
    [Fact]
    public void Pcsclite_reader_state_on_linux_x64_is_80_bytes_with_the_atr_at_40()
    {
        // unsigned long is 8 bytes on LP64: 8 (szReader) + 8 (pvUserData) + 3 * 8 (DWORDs) = 40, + 33 = 73 → 80.
        Assert.Equal(8, IntPtr.Size);
        Assert.Equal(80, Marshal.SizeOf<PcscLiteReaderState>());
        Assert.Equal(0, Offset<PcscLiteReaderState>(nameof(PcscLiteReaderState.szReader)));
        Assert.Equal(8, Offset<PcscLiteReaderState>(nameof(PcscLiteReaderState.pvUserData)));
        Assert.Equal(16, Offset<PcscLiteReaderState>(nameof(PcscLiteReaderState.dwCurrentState)));
        Assert.Equal(24, Offset<PcscLiteReaderState>(nameof(PcscLiteReaderState.dwEventState)));
        Assert.Equal(32, Offset<PcscLiteReaderState>(nameof(PcscLiteReaderState.cbAtr)));
        Assert.Equal(40, Offset<PcscLiteReaderState>(nameof(PcscLiteReaderState.rgbAtr)));
        Assert.Equal(33, PcscLiteReaderState.AtrCapacity);
    }

    [Fact]
    public void Pcsclite_io_request_on_linux_x64_is_two_unsigned_longs()
    {
        Assert.Equal(16, Marshal.SizeOf<PcscLiteIoRequest>());
        Assert.Equal(8, Offset<PcscLiteIoRequest>(nameof(PcscLiteIoRequest.cbPciLength)));
        var t1 = PcscLiteIoRequest.Create(2);
        Assert.Equal(2u, (uint)t1.dwProtocol);
        Assert.Equal(16u, (uint)t1.cbPciLength);
    }

    [Fact]
    public void Windows_x64_reader_state_is_64_bytes_with_the_atr_at_28()
    {
        // Two 8-byte pointers, three 4-byte DWORDs (ends at 28), BYTE rgbAtr[36] (ends at 64), 8-byte alignment.
        var state = default(WindowsReaderState<ulong>);
        var start = (byte*)&state;
        Assert.Equal(64, sizeof(WindowsReaderState<ulong>));
        Assert.Equal(8, (byte*)&state.pvUserData - start);
        Assert.Equal(16, (byte*)&state.dwCurrentState - start);
        Assert.Equal(20, (byte*)&state.dwEventState - start);
        Assert.Equal(24, (byte*)&state.cbAtr - start);
        Assert.Equal(28, &state.rgbAtr[0] - start);
        Assert.Equal(36, WindowsReaderState<ulong>.AtrCapacity);
    }

    [Fact]
    public void Windows_x86_reader_state_is_56_bytes_with_the_atr_at_20()
    {
        // Everything 4 bytes wide: 5 * 4 = 20, + 36 = 56.
        var state = default(WindowsReaderState<uint>);
        var start = (byte*)&state;
        Assert.Equal(56, sizeof(WindowsReaderState<uint>));
        Assert.Equal(4, (byte*)&state.pvUserData - start);
        Assert.Equal(8, (byte*)&state.dwCurrentState - start);
        Assert.Equal(12, (byte*)&state.dwEventState - start);
        Assert.Equal(16, (byte*)&state.cbAtr - start);
        Assert.Equal(20, &state.rgbAtr[0] - start);
    }

    [Fact]
    public void Windows_io_request_is_two_dwords()
    {
        Assert.Equal(8, Marshal.SizeOf<WindowsIoRequest>());
        Assert.Equal(4, Offset<WindowsIoRequest>(nameof(WindowsIoRequest.cbPciLength)));
        var raw = WindowsIoRequest.Create(0x10000);
        Assert.Equal(0x10000u, raw.dwProtocol);
        Assert.Equal(8u, raw.cbPciLength);
    }

    [Fact]
    public void Macos_reader_state_is_packed_to_61_bytes()
    {
        // #pragma pack(1), uint32_t DWORD: 8 + 8 + 4 + 4 + 4 = 28, + 33 = 61, no padding anywhere.
        Assert.Equal(61, Marshal.SizeOf<MacReaderState>());
        Assert.Equal(8, Offset<MacReaderState>(nameof(MacReaderState.pvUserData)));
        Assert.Equal(16, Offset<MacReaderState>(nameof(MacReaderState.dwCurrentState)));
        Assert.Equal(20, Offset<MacReaderState>(nameof(MacReaderState.dwEventState)));
        Assert.Equal(24, Offset<MacReaderState>(nameof(MacReaderState.cbAtr)));
        Assert.Equal(28, Offset<MacReaderState>(nameof(MacReaderState.rgbAtr)));
    }

    [Fact]
    public void Macos_io_request_is_two_packed_uint32()
    {
        Assert.Equal(8, Marshal.SizeOf<MacIoRequest>());
        Assert.Equal(4, Offset<MacIoRequest>(nameof(MacIoRequest.cbPciLength)));
        Assert.Equal(8u, MacIoRequest.Create(1).cbPciLength);
    }

    [Fact]
    public void Reader_state_entries_carry_the_event_counter_in_the_upper_word()
    {
        var state = new PcscReaderState("R") { CurrentState = PcscReaderStateFlags.Present, CurrentEventCount = 3 };

        Assert.Equal(0x0003_0020u, state.NativeCurrentState);

        state.SetNativeEventState(0x0005_0012, [0x3B, 0x00]);
        Assert.Equal(PcscReaderStateFlags.Changed | PcscReaderStateFlags.Empty, state.EventState);
        Assert.Equal(5, state.EventCount);
        state.AcceptEventState();
        Assert.Equal(PcscReaderStateFlags.Empty, state.CurrentState);
        Assert.Equal(5, state.CurrentEventCount);
    }

    [Fact]
    public void Native_reader_state_copies_at_most_its_atr_capacity()
    {
        var native = PcscLiteReaderState.Create(0x1234, 0x20);
        native.cbAtr = 200;
        Span<byte> atr = stackalloc byte[64];

        Assert.Equal(33, native.CopyAtr(atr));
        Assert.Equal(0x1234, native.szReader);
        Assert.Equal(0x20u, (uint)native.dwCurrentState);
    }

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
