using SmartCardCash.Pcsc.Errors;

using static SmartCardCash.Pcsc.Interop.PcscLiteNative;

namespace SmartCardCash.Pcsc.Interop;

/// <summary><see cref="IPcscApi"/> over pcsc-lite (libpcsclite.so.1): UTF-8 strings, C long sized integers.</summary>
internal sealed unsafe class PcscLiteApi : IPcscApi
{
    /// <summary>MAX_BUFFER_SIZE_EXTENDED: pcsc-lite refuses a larger receive length with SCARD_E_INSUFFICIENT_BUFFER.</summary>
    public const int MaxBufferSizeExtended = 4 + 3 + (1 << 16) + 3 + 2;

    public PcscPlatform Platform => PcscPlatform.PcscLite;

    public PcscError EstablishContext(PcscScope scope, out nint context)
    {
        nint handle = 0;
        var result = Check(SCardEstablishContext((nuint)(uint)scope, 0, 0, &handle));
        context = handle;
        return result;
    }

    public PcscError ReleaseContext(nint context) => Check(SCardReleaseContext(context));

    public PcscError IsValidContext(nint context) => Check(SCardIsValidContext(context));

    public PcscError ListReaders(nint context, IReadOnlyList<string>? groups, out IReadOnlyList<string> readers)
    {
        var groupBytes = MultiString.EncodeUtf8(groups);
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
        {
            fixed (byte* pGroups = groupBytes)
            fixed (byte* pBuffer = buffer)
            {
                var size = (nuint)length;
                var rc = Check(SCardListReaders(context, pGroups, pBuffer, &size));
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
                var size = (nuint)length;
                var rc = Check(SCardListReaderGroups(context, pBuffer, &size));
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
        nint handle = 0;
        nuint active = 0;
        PcscError result;
        fixed (byte* pName = name)
        {
            result = Check(SCardConnect(context, pName, (nuint)(uint)shareMode,
                PcscProtocolCodec.ToNative(preferredProtocols, Platform), &handle, &active));
        }

        card = handle;
        activeProtocol = PcscProtocolCodec.FromNative((uint)active, Platform);
        return result;
    }

    public PcscError Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferredProtocols,
        PcscDisposition initialization, out PcscProtocols activeProtocol)
    {
        nuint active = 0;
        var result = Check(SCardReconnect(card, (nuint)(uint)shareMode,
            PcscProtocolCodec.ToNative(preferredProtocols, Platform), (nuint)(uint)initialization, &active));
        activeProtocol = PcscProtocolCodec.FromNative((uint)active, Platform);
        return result;
    }

    public PcscError Disconnect(nint card, PcscDisposition disposition) =>
        Check(SCardDisconnect(card, (nuint)(uint)disposition));

    public PcscError BeginTransaction(nint card) => Check(SCardBeginTransaction(card));

    public PcscError EndTransaction(nint card, PcscDisposition disposition) =>
        Check(SCardEndTransaction(card, (nuint)(uint)disposition));

    public PcscError Status(nint card, out PcscCardStatus status)
    {
        var atr = new byte[PcscLiteReaderState.MaxAtrSize];
        nuint state = 0, protocol = 0, atrLength = 0;
        var result = TwoCallSizing.Run((byte[]? buffer, ref int length) =>
        {
            fixed (byte* pNames = buffer)
            fixed (byte* pAtr = atr)
            {
                nuint size = (nuint)length, st = 0, pr = 0, cb = (nuint)atr.Length;
                var rc = Check(SCardStatus(card, pNames, &size, &st, &pr, pAtr, &cb));
                length = (int)size;
                state = st;
                protocol = pr;
                atrLength = cb;
                return rc;
            }
        }, out var names, out var used);
        status = new PcscCardStatus(
            result == PcscError.Success ? MultiString.ParseUtf8(names.AsSpan(0, used)) : [],
            (PcscCardState)((uint)state & 0x7F),
            PcscProtocolCodec.FromNative((uint)protocol, Platform),
            atr.AsSpan(0, (int)Math.Min((ulong)atrLength, (ulong)atr.Length)).ToArray());
        return result;
    }

    public PcscError Transmit(nint card, PcscProtocols protocol, byte[] command, int commandLength,
        byte[] receiveBuffer, out int receivedLength)
    {
        var pci = PcscLiteIoRequest.Create(PcscProtocolCodec.ToNative(protocol, Platform));
        var receiveLength = (nuint)Math.Min(receiveBuffer.Length, MaxBufferSizeExtended);
        PcscError result;
        fixed (byte* pSend = command)
        fixed (byte* pReceive = receiveBuffer)
        {
            result = Check(SCardTransmit(card, &pci, pSend, (nuint)commandLength, null, pReceive, &receiveLength));
        }

        receivedLength = result == PcscError.Success ? (int)receiveLength : 0;
        return result;
    }

    public PcscError GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readerStates) =>
        ReaderStateMarshaller.Call<PcscLiteReaderState>(readerStates, utf16: false, (array, count) =>
            Check(SCardGetStatusChange(context, timeoutMilliseconds, (PcscLiteReaderState*)array, count)));

    public PcscError Cancel(nint context) => Check(SCardCancel(context));

    public PcscError GetAttrib(nint card, uint attributeId, byte[]? buffer, ref int length)
    {
        var size = buffer is null ? 0 : (nuint)Math.Min(length, buffer.Length);
        PcscError result;
        fixed (byte* pBuffer = buffer)
        {
            result = Check(SCardGetAttrib(card, attributeId, pBuffer, &size));
        }

        length = (int)size;
        return result;
    }

    public PcscError Control(nint card, uint controlCode, byte[] input, int inputLength, byte[] output,
        out int outputLength)
    {
        nuint returned = 0;
        PcscError result;
        fixed (byte* pInput = input)
        fixed (byte* pOutput = output)
        {
            result = Check(SCardControl(card, controlCode, pInput, (nuint)inputLength, pOutput, (nuint)output.Length,
                &returned));
        }

        outputLength = result == PcscError.Success ? (int)returned : 0;
        return result;
    }

    private static PcscError Check(nint result) => PcscErrors.Normalize(result);
}
