using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop.Linux;

/// <summary>SCARD_IO_REQUEST of pcsc-lite: two unsigned longs (16 bytes on x64). cbPciLength is the struct's size.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct PcscLiteIoRequest : INativeIoRequest<PcscLiteIoRequest>
{
    public nuint dwProtocol;
    public nuint cbPciLength;

    public static PcscLiteIoRequest Create(uint nativeProtocol) =>
        new() { dwProtocol = nativeProtocol, cbPciLength = (nuint)sizeof(PcscLiteIoRequest) };
}
