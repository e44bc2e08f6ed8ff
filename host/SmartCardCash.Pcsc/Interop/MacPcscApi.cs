using SmartCardCash.Pcsc.Errors;

using static SmartCardCash.Pcsc.Interop.MacPcscNative;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// <see cref="IPcscApi"/> over macOS PCSC.framework: UTF-8 strings, 32-bit integers and handles, packed structs.
/// The managed nint handles carry the 32-bit values.
/// </summary>
internal sealed unsafe class MacPcscApi : IPcscApi
{
    public const int MaxBufferSizeExtended = 4 + 3 + (1 << 16) + 3 + 2;

    public PcscPlatform Platform => PcscPlatform.MacOs;

    public PcscError EstablishContext(PcscScope scope, out nint context)
    {
        var handle = 0;
        var result = Check(SCardEstablishContext((uint)scope, 0, 0, &handle));
        context = handle;
        return result;
    }

    public PcscError ReleaseContext(nint context) => Check(SCardReleaseContext((int)context));

    public PcscError IsValidContext(nint context) => Check(SCardIsValidContext((int)context));

    public PcscError ListReaders(nint context, IReadOnlyList<string>? groups, out IReadOnlyList<string> readers)
    {
        var groupBytes = MultiString.EncodeUtf8(groups);
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
        {
            fixed (byte* pGroups = groupBytes)
            fixed (byte* pBuffer = buffer)
            {
                var size = (uint)length;
                var rc = Check(SCardListReaders((int)context, pGroups, pBuffer, &size));
                length = (int)size;
                return rc;
            }
        }, out var bytes, out var used);
        readers = result == PcscError.Success ? MultiString.ParseUtf8(bytes.AsSpan(0, used)) : [];
        return result;
    }

    public PcscError ListReaderGroups(nint context, out IReadOnlyList<string> groups)
    {
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
        {
            fixed (byte* pBuffer = buffer)
            {
                var size = (uint)length;
                var rc = Check(SCardListReaderGroups((int)context, pBuffer, &size));
                length = (int)size;
                return rc;
            }
        }, out var bytes, out var used);
        groups = result == PcscError.Success ? MultiString.ParseUtf8(bytes.AsSpan(0, used)) : [];
        return result;
    }

    public PcscError Connect(nint context, string readerName, PcscShareMode shareMode,
        PcscProtocols preferredProtocols, out nint card, out PcscProtocols activeProtocol)
    {
        var name = MultiString.ToUtf8Z(readerName);
        var handle = 0;
        uint active = 0;
        PcscError result;
        fixed (byte* pName = name)
        {
            result = Check(SCardConnect((int)context, pName, (uint)shareMode,
                PcscProtocolCodec.ToNative(preferredProtocols, Platform), &handle, &active));
        }

        card = handle;
        activeProtocol = PcscProtocolCodec.FromNative(active, Platform);
        return result;
    }

    public PcscError Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferredProtocols,
        PcscDisposition initialization, out PcscProtocols activeProtocol)
    {
        uint active = 0;
        var result = Check(SCardReconnect((int)card, (uint)shareMode,
            PcscProtocolCodec.ToNative(preferredProtocols, Platform), (uint)initialization, &active));
        activeProtocol = PcscProtocolCodec.FromNative(active, Platform);
        return result;
    }

    public PcscError Disconnect(nint card, PcscDisposition disposition) =>
        Check(SCardDisconnect((int)card, (uint)disposition));

    public PcscError BeginTransaction(nint card) => Check(SCardBeginTransaction((int)card));

    public PcscError EndTransaction(nint card, PcscDisposition disposition) =>
        Check(SCardEndTransaction((int)card, (uint)disposition));

    public PcscError Status(nint card, out PcscCardStatus status)
    {
        var atr = new byte[MacReaderState.MaxAtrSize];
        uint state = 0, protocol = 0, atrLength = 0;
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
        {
            fixed (byte* pNames = buffer)
            fixed (byte* pAtr = atr)
            {
                uint size = (uint)length, st = 0, pr = 0, cb = (uint)atr.Length;
                var rc = Check(SCardStatus((int)card, pNames, &size, &st, &pr, pAtr, &cb));
                length = (int)size;
                state = st;
                protocol = pr;
                atrLength = cb;
                return rc;
            }
        }, out var names, out var used);
        status = new PcscCardStatus(
            result == PcscError.Success ? MultiString.ParseUtf8(names.AsSpan(0, used)) : [],
            (PcscCardState)(state & 0x7F),
            PcscProtocolCodec.FromNative(protocol, Platform),
            atr.AsSpan(0, (int)Math.Min(atrLength, (uint)atr.Length)).ToArray());
        return result;
    }

    public PcscError Transmit(nint card, PcscProtocols protocol, byte[] command, int commandLength,
        byte[] receiveBuffer, out int receivedLength)
    {
        var pci = MacIoRequest.Create(PcscProtocolCodec.ToNative(protocol, Platform));
        var receiveLength = (uint)Math.Min(receiveBuffer.Length, MaxBufferSizeExtended);
        PcscError result;
        fixed (byte* pSend = command)
        fixed (byte* pReceive = receiveBuffer)
        {
            result = Check(SCardTransmit((int)card, &pci, pSend, (uint)commandLength, null, pReceive, &receiveLength));
        }

        receivedLength = result == PcscError.Success ? (int)receiveLength : 0;
        return result;
    }

    public PcscError GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readerStates) =>
        ReaderStateMarshaller.Call<MacReaderState>(readerStates, utf16: false, (array, count) =>
            Check(SCardGetStatusChange((int)context, timeoutMilliseconds, (MacReaderState*)array, count)));

    public PcscError Cancel(nint context) => Check(SCardCancel((int)context));

    public PcscError GetAttrib(nint card, uint attributeId, byte[]? buffer, ref int length)
    {
        var size = buffer is null ? 0u : (uint)Math.Min(length, buffer.Length);
        PcscError result;
        fixed (byte* pBuffer = buffer)
        {
            result = Check(SCardGetAttrib((int)card, attributeId, pBuffer, &size));
        }

        length = (int)size;
        return result;
    }

    public PcscError Control(nint card, uint controlCode, byte[] input, int inputLength, byte[] output,
        out int outputLength)
    {
        uint returned = 0;
        PcscError result;
        fixed (byte* pInput = input)
        fixed (byte* pOutput = output)
        {
            result = Check(SCardControl((int)card, controlCode, pInput, (uint)inputLength, pOutput, (uint)output.Length,
                &returned));
        }

        outputLength = result == PcscError.Success ? (int)returned : 0;
        return result;
    }

    private static PcscError Check(int result) => PcscErrors.Normalize(result);
}
