using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop.MacOs;

/// <summary>SCARD_IO_REQUEST of macOS PCSC.framework: two uint32_t, packed, 8 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 1)]
internal unsafe struct MacIoRequest : INativeIoRequest<MacIoRequest>
{
    public uint dwProtocol;
    public uint cbPciLength;

    public static MacIoRequest Create(uint nativeProtocol) =>
        new() { dwProtocol = nativeProtocol, cbPciLength = (uint)sizeof(MacIoRequest) };
}
