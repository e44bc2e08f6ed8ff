namespace SmartCardCash.Pcsc.Interop;

/// <summary>A platform's blittable SCARD_IO_REQUEST: the protocol control information SCardTransmit sends with.</summary>
internal interface INativeIoRequest<TSelf> where TSelf : unmanaged, INativeIoRequest<TSelf>
{
    /// <summary>The PCI of <paramref name="nativeProtocol"/>, with cbPciLength set to the struct's size.</summary>
    static abstract TSelf Create(uint nativeProtocol);
}
