using System.Numerics;
using SmartCardCash.Pcsc.Errors;

namespace SmartCardCash.Pcsc.Interop.Unix;

/// <summary>
/// <see cref="IPcscApi"/> over pcsc-lite's C API (<see cref="IUnixPcscNative{TLong, TDword, TReaderState, TIoRequest}"/>),
/// written once for pcsc-lite and macOS PCSC.framework: the same calls and UTF-8 multi-strings, with the widths of
/// LONG and DWORD and the two structs as type parameters. Every value crosses to the native width with
/// CreateTruncating, which is what the C casts do.
/// </summary>
internal abstract unsafe class UnixPcscApi<TNative, TLong, TDword, TReaderState, TIoRequest>(PcscPlatform platform)
    : IPcscApi
    where TNative : IUnixPcscNative<TLong, TDword, TReaderState, TIoRequest>
    where TLong : unmanaged, IBinaryInteger<TLong>
    where TDword : unmanaged, IBinaryInteger<TDword>
    where TReaderState : unmanaged, INativeReaderState<TReaderState>
    where TIoRequest : unmanaged, INativeIoRequest<TIoRequest>
{
    /// <summary>MAX_BUFFER_SIZE_EXTENDED: pcsc-lite refuses a larger receive length with SCARD_E_INSUFFICIENT_BUFFER.</summary>
    public const int MaxBufferSizeExtended = 4 + 3 + (1 << 16) + 3 + 2;

    public PcscPlatform Platform { get; } = platform;

    public PcscError EstablishContext(PcscScope scope, out nint context)
    {
        TLong handle = default;
        var result = Check(TNative.SCardEstablishContext(Dword((uint)scope), 0, 0, &handle));
        context = nint.CreateTruncating(handle);
        return result;
    }

    public PcscError ReleaseContext(nint context) => Check(TNative.SCardReleaseContext(Long(context)));

    public PcscError IsValidContext(nint context) => Check(TNative.SCardIsValidContext(Long(context)));

    public PcscError ListReaders(nint context, IReadOnlyList<string>? groups, out IReadOnlyList<string> readers)
    {
        var groupBytes = MultiString.EncodeUtf8(groups);
        return MultiStringCall.Read((byte* buffer, TDword* length) =>
        {
            fixed (byte* pGroups = groupBytes)
            {
                return Check(TNative.SCardListReaders(Long(context), pGroups, buffer, length));
            }
        }, out readers);
    }

    public PcscError ListReaderGroups(nint context, out IReadOnlyList<string> groups) =>
        MultiStringCall.Read((byte* buffer, TDword* length) =>
            Check(TNative.SCardListReaderGroups(Long(context), buffer, length)), out groups);

    public PcscError Connect(nint context, string readerName, PcscShareMode shareMode,
        PcscProtocols preferredProtocols, out nint card, out PcscProtocols activeProtocol)
    {
        var name = MultiString.ToUtf8Z(readerName);
        TLong handle = default;
        TDword active = default;
        PcscError result;
        fixed (byte* pName = name)
        {
            result = Check(TNative.SCardConnect(Long(context), pName, Dword((uint)shareMode),
                Dword(PcscProtocolCodec.ToNative(preferredProtocols, Platform)), &handle, &active));
        }

        card = nint.CreateTruncating(handle);
        activeProtocol = Protocol(active);
        return result;
    }

    public PcscError Reconnect(nint card, PcscShareMode shareMode, PcscProtocols preferredProtocols,
        PcscDisposition initialization, out PcscProtocols activeProtocol)
    {
        TDword active = default;
        var result = Check(TNative.SCardReconnect(Long(card), Dword((uint)shareMode),
            Dword(PcscProtocolCodec.ToNative(preferredProtocols, Platform)), Dword((uint)initialization), &active));
        activeProtocol = Protocol(active);
        return result;
    }

    public PcscError Disconnect(nint card, PcscDisposition disposition) =>
        Check(TNative.SCardDisconnect(Long(card), Dword((uint)disposition)));

    public PcscError BeginTransaction(nint card) => Check(TNative.SCardBeginTransaction(Long(card)));

    public PcscError EndTransaction(nint card, PcscDisposition disposition) =>
        Check(TNative.SCardEndTransaction(Long(card), Dword((uint)disposition)));

    public PcscError Status(nint card, out PcscCardStatus status)
    {
        var atr = new byte[TReaderState.AtrCapacity];
        TDword state = default, protocol = default, atrLength = default;
        var result = MultiStringCall.Read((byte* names, TDword* length) =>
        {
            fixed (byte* pAtr = atr)
            {
                TDword st = default, pr = default, cb = Dword(atr.Length);
                var rc = Check(TNative.SCardStatus(Long(card), names, length, &st, &pr, pAtr, &cb));
                state = st;
                protocol = pr;
                atrLength = cb;
                return rc;
            }
        }, out var readerNames);
        status = new PcscCardStatus(readerNames, (PcscCardState)(uint.CreateTruncating(state) & 0x7F),
            Protocol(protocol), atr.AsSpan(0, int.CreateSaturating(TDword.Min(atrLength, Dword(atr.Length)))).ToArray());
        return result;
    }

    public PcscError Transmit(nint card, PcscProtocols protocol, byte[] command, int commandLength,
        byte[] receiveBuffer, out int receivedLength)
    {
        var pci = TIoRequest.Create(PcscProtocolCodec.ToNative(protocol, Platform));
        var receiveLength = Dword(Math.Min(receiveBuffer.Length, MaxBufferSizeExtended));
        PcscError result;
        fixed (byte* pSend = command)
        fixed (byte* pReceive = receiveBuffer)
        {
            result = Check(TNative.SCardTransmit(Long(card), &pci, pSend, Dword(commandLength), null, pReceive,
                &receiveLength));
        }

        receivedLength = result == PcscError.Success ? int.CreateTruncating(receiveLength) : 0;
        return result;
    }

    public PcscError GetStatusChange(nint context, uint timeoutMilliseconds, PcscReaderState[] readerStates) =>
        ReaderStateMarshaller.Call<TReaderState>(readerStates, utf16: false, (array, count) =>
            Check(TNative.SCardGetStatusChange(Long(context), Dword(timeoutMilliseconds), (TReaderState*)array,
                Dword(count))));

    public PcscError Cancel(nint context) => Check(TNative.SCardCancel(Long(context)));

    public PcscError GetAttrib(nint card, uint attributeId, byte[]? buffer, ref int length)
    {
        var size = buffer is null ? default : Dword(Math.Min(length, buffer.Length));
        PcscError result;
        fixed (byte* pBuffer = buffer)
        {
            result = Check(TNative.SCardGetAttrib(Long(card), Dword(attributeId), pBuffer, &size));
        }

        length = int.CreateTruncating(size);
        return result;
    }

    public PcscError Control(nint card, uint controlCode, byte[] input, int inputLength, byte[] output,
        out int outputLength)
    {
        TDword returned = default;
        PcscError result;
        fixed (byte* pInput = input)
        fixed (byte* pOutput = output)
        {
            result = Check(TNative.SCardControl(Long(card), Dword(controlCode), pInput, Dword(inputLength), pOutput,
                Dword(output.Length), &returned));
        }

        outputLength = result == PcscError.Success ? int.CreateTruncating(returned) : 0;
        return result;
    }

    private static TLong Long(nint value) => TLong.CreateTruncating(value);

    private static TDword Dword(uint value) => TDword.CreateTruncating(value);

    private static TDword Dword(int value) => TDword.CreateTruncating(value);

    private PcscProtocols Protocol(TDword native) => PcscProtocolCodec.FromNative(uint.CreateTruncating(native), Platform);

    private static PcscError Check(TLong result) => PcscErrors.Normalize(long.CreateTruncating(result));
}
