using SmartCardCash.Pcsc.Errors;
using static SmartCardCash.Pcsc.Interop.Windows.WinscardNative;

namespace SmartCardCash.Pcsc.Interop.Windows;

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
        return MultiStringCall.Read((char* buffer, uint* length) =>
        {
            fixed (char* pGroups = groupChars)
            {
                return Check(SCardListReadersW(context, pGroups, buffer, length));
            }
        }, out readers);
    }

    public PcscError ListReaderGroups(nint context, out IReadOnlyList<string> groups) =>
        MultiStringCall.Read((char* buffer, uint* length) => Check(SCardListReaderGroupsW(context, buffer, length)),
            out groups);

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
        var result = MultiStringCall.Read((char* names, uint* length) =>
        {
            fixed (byte* pAtr = atr)
            {
                uint st = 0, pr = 0, cb = (uint)atr.Length;
                var rc = Check(SCardStatusW(card, names, length, &st, &pr, pAtr, &cb));
                state = st;
                protocol = pr;
                atrLength = cb;
                return rc;
            }
        }, out var readerNames);
        status = new PcscCardStatus(readerNames, WindowsCardStateCodec.ToFlags(state),
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
        return IntPtr.Size == 8 ? Call<WindowsReaderState<ulong>>() : Call<WindowsReaderState<uint>>();

        PcscError Call<T>()
            where T : unmanaged, INativeReaderState<T> =>
            ReaderStateMarshaller.Call<T>(readerStates, utf16: true, (array, count) =>
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
