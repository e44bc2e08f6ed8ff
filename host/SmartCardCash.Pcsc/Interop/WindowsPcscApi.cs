using SmartCardCash.Pcsc.Errors;

using static SmartCardCash.Pcsc.Interop.WinscardNative;

namespace SmartCardCash.Pcsc.Interop;

/// <summary>
/// <see cref="IPcscApi"/> over winscard.dll: UTF-16 W functions, 32-bit DWORD/LONG, SCARD_PROTOCOL_RAW = 0x10000,
/// card state as an enumeration, and a reader state layout that depends on the process's pointer size.
/// </summary>
internal sealed unsafe class WindowsPcscApi : IPcscApi
{
    /// <summary>Windows' SCardStatus writes up to 36 bytes of ATR (SCARD_ATR_LENGTH is 33; 36 keeps room).</summary>
    private const int AtrBufferSize = 36;

    public PcscPlatform Platform => PcscPlatform.Windows;

    public PcscError EstablishContext(PcscScope scope, out nint context)
    {
        nint handle = 0;
        var result = Check(SCardEstablishContext((uint)scope, 0, 0, &handle));
        context = handle;
        return result;
    }

    public PcscError ReleaseContext(nint context) => Check(SCardReleaseContext(context));

    public PcscError IsValidContext(nint context) => Check(SCardIsValidContext(context));

    public PcscError ListReaders(nint context, IReadOnlyList<string>? groups, out IReadOnlyList<string> readers)
    {
        var groupChars = MultiString.EncodeUtf16(groups);
        var result = TwoCallSizing.Run((char[]? buffer, ref int length) =>
        {
            fixed (char* pGroups = groupChars)
            fixed (char* pBuffer = buffer)
            {
                var size = (uint)length;
                var rc = Check(SCardListReadersW(context, pGroups, pBuffer, &size));
                length = (int)size;
                return rc;
            }
        }, out var chars, out var used);
        readers = result == PcscError.Success ? MultiString.ParseUtf16(chars.AsSpan(0, used)) : [];
        return result;
    }

    public PcscError ListReaderGroups(nint context, out IReadOnlyList<string> groups)
    {
        var result = TwoCallSizing.Run((char[]? buffer, ref int length) =>
        {
            fixed (char* pBuffer = buffer)
            {
                var size = (uint)length;
                var rc = Check(SCardListReaderGroupsW(context, pBuffer, &size));
                length = (int)size;
                return rc;
            }
        }, out var chars, out var used);
        groups = result == PcscError.Success ? MultiString.ParseUtf16(chars.AsSpan(0, used)) : [];
        return result;
    }

    public PcscError Connect(nint context, string readerName, PcscShareMode shareMode,
        PcscProtocols preferredProtocols, out nint card, out PcscProtocols activeProtocol)
    {
        nint handle = 0;
        uint active = 0;
        PcscError result;

        // A pinned .NET string is NUL-terminated, as LPCWSTR needs.
        fixed (char* pName = readerName)
        {
            result = Check(SCardConnectW(context, pName, (uint)shareMode,
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
        var result = Check(SCardReconnect(card, (uint)shareMode,
            PcscProtocolCodec.ToNative(preferredProtocols, Platform), (uint)initialization, &active));
        activeProtocol = PcscProtocolCodec.FromNative(active, Platform);
        return result;
    }

    public PcscError Disconnect(nint card, PcscDisposition disposition) =>
        Check(SCardDisconnect(card, (uint)disposition));

    public PcscError BeginTransaction(nint card) => Check(SCardBeginTransaction(card));

    public PcscError EndTransaction(nint card, PcscDisposition disposition) =>
        Check(SCardEndTransaction(card, (uint)disposition));

    public PcscError Status(nint card, out PcscCardStatus status)
    {
        var atr = new byte[AtrBufferSize];
        uint state = 0, protocol = 0, atrLength = 0;
        var result = TwoCallSizing.Run((char[]? buffer, ref int length) =>
        {
            fixed (char* pNames = buffer)
            fixed (byte* pAtr = atr)
            {
                uint size = (uint)length, st = 0, pr = 0, cb = (uint)atr.Length;
                var rc = Check(SCardStatusW(card, pNames, &size, &st, &pr, pAtr, &cb));
                length = (int)size;
                state = st;
                protocol = pr;
                atrLength = cb;
                return rc;
            }
        }, out var names, out var used);
        status = new PcscCardStatus(
            result == PcscError.Success ? MultiString.ParseUtf16(names.AsSpan(0, used)) : [],
            WindowsCardStateCodec.ToFlags(state),
            PcscProtocolCodec.FromNative(protocol, Platform),
            atr.AsSpan(0, (int)Math.Min(atrLength, (uint)atr.Length)).ToArray());
        return result;
    }

    public PcscError Transmit(nint card, PcscProtocols protocol, byte[] command, int commandLength,
        byte[] receiveBuffer, out int receivedLength)
    {
        var pci = WindowsIoRequest.Create(PcscProtocolCodec.ToNative(protocol, Platform));
        var receiveLength = (uint)receiveBuffer.Length;
        PcscError result;
        fixed (byte* pSend = command)
        fixed (byte* pReceive = receiveBuffer)
        {
            result = Check(SCardTransmit(card, &pci, pSend, (uint)commandLength, null, pReceive, &receiveLength));
        }

        receivedLength = result == PcscError.Success ? (int)receiveLength : 0;
        return result;
    }

    public PcscError GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readerStates)
    {
        // The struct holds two pointers, so its layout follows the process's bitness.
        return IntPtr.Size == 8
            ? ReaderStateMarshaller.Call<WindowsReaderState64>(readerStates, utf16: true, (array, count) =>
                Check(SCardGetStatusChangeW(context, timeoutMilliseconds, (void*)array, count)))
            : ReaderStateMarshaller.Call<WindowsReaderState32>(readerStates, utf16: true, (array, count) =>
                Check(SCardGetStatusChangeW(context, timeoutMilliseconds, (void*)array, count)));
    }

    public PcscError Cancel(nint context) => Check(SCardCancel(context));

    public PcscError GetAttrib(nint card, uint attributeId, byte[]? buffer, ref int length)
    {
        var size = buffer is null ? 0u : (uint)Math.Min(length, buffer.Length);
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
        uint returned = 0;
        PcscError result;
        fixed (byte* pInput = input)
        fixed (byte* pOutput = output)
        {
            result = Check(SCardControl(card, controlCode, pInput, (uint)inputLength, pOutput, (uint)output.Length,
                &returned));
        }

        outputLength = result == PcscError.Success ? (int)returned : 0;
        return result;
    }

    private static PcscError Check(int result) => PcscErrors.Normalize(result);
}
