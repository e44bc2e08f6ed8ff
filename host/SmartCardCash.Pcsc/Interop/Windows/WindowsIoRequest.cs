using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop.Windows;

/// <summary>SCARD_IO_REQUEST of winscard: two DWORDs, 8 bytes on x86 and x64 alike.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct WindowsIoRequest : INativeIoRequest<WindowsIoRequest>
{
    public uint dwProtocol;
    public uint cbPciLength;

    public static WindowsIoRequest Create(uint nativeProtocol) =>
        new() { dwProtocol = nativeProtocol, cbPciLength = (uint)sizeof(WindowsIoRequest) };
}
