namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// A platform's blittable SCARD_READERSTATE. The static members let <see cref="ReaderStateMarshaller"/> fill and read
/// any of them with one piece of code.
/// </summary>
internal interface INativeReaderState<TSelf> where TSelf : unmanaged, INativeReaderState<TSelf>
{
    /// <summary>Size of rgbAtr on this platform.</summary>
    static abstract int AtrCapacity { get; }

    /// <summary>An entry pointing at a native reader name string, with dwCurrentState set.</summary>
    static abstract TSelf Create(nint readerName, uint currentState);

    /// <summary>dwEventState, narrowed to 32 bits (the upper bits of a 64-bit DWORD are never used).</summary>
    uint EventState { get; }

    /// <summary>Copies the ATR (cbAtr bytes, clamped to the buffer) and returns its length.</summary>
    int CopyAtr(Span<byte> destination);
}
