using System.Runtime.InteropServices;
using SmartCardCash.Pcsc.Interop.Unix;

namespace SmartCardCash.Pcsc.Interop.Linux;

/// <summary>
/// winscard.h of pcsc-lite. LONG, DWORD, SCARDCONTEXT and SCARDHANDLE are C long / unsigned long, which on every
/// Linux ABI has the width of a pointer, hence nint / nuint.
/// </summary>
internal sealed unsafe partial class PcscLiteNative : IUnixPcscNative<nint, nuint, PcscLiteReaderState, PcscLiteIoRequest>
{
    public const string Library = "libpcsclite.so.1";

    private PcscLiteNative()
    {
    }

    [LibraryImport(Library)]
    public static partial nint SCardEstablishContext(nuint dwScope, nint pvReserved1, nint pvReserved2, nint* phContext);

    [LibraryImport(Library)]
    public static partial nint SCardReleaseContext(nint hContext);

    [LibraryImport(Library)]
    public static partial nint SCardIsValidContext(nint hContext);

    [LibraryImport(Library)]
    public static partial nint SCardListReaders(nint hContext, byte* mszGroups, byte* mszReaders, nuint* pcchReaders);

    [LibraryImport(Library)]
    public static partial nint SCardListReaderGroups(nint hContext, byte* mszGroups, nuint* pcchGroups);

    [LibraryImport(Library)]
    public static partial nint SCardConnect(nint hContext, byte* szReader, nuint dwShareMode,
        nuint dwPreferredProtocols, nint* phCard, nuint* pdwActiveProtocol);

    [LibraryImport(Library)]
    public static partial nint SCardReconnect(nint hCard, nuint dwShareMode, nuint dwPreferredProtocols,
        nuint dwInitialization, nuint* pdwActiveProtocol);

    [LibraryImport(Library)]
    public static partial nint SCardDisconnect(nint hCard, nuint dwDisposition);

    [LibraryImport(Library)]
    public static partial nint SCardBeginTransaction(nint hCard);

    [LibraryImport(Library)]
    public static partial nint SCardEndTransaction(nint hCard, nuint dwDisposition);

    [LibraryImport(Library)]
    public static partial nint SCardStatus(nint hCard, byte* mszReaderName, nuint* pcchReaderLen, nuint* pdwState,
        nuint* pdwProtocol, byte* pbAtr, nuint* pcbAtrLen);

    [LibraryImport(Library)]
    public static partial nint SCardGetStatusChange(nint hContext, nuint dwTimeout, PcscLiteReaderState* rgReaderStates,
        nuint cReaders);

    [LibraryImport(Library)]
    public static partial nint SCardControl(nint hCard, nuint dwControlCode, byte* pbSendBuffer, nuint cbSendLength,
        byte* pbRecvBuffer, nuint cbRecvLength, nuint* lpBytesReturned);

    [LibraryImport(Library)]
    public static partial nint SCardTransmit(nint hCard, PcscLiteIoRequest* pioSendPci, byte* pbSendBuffer,
        nuint cbSendLength, PcscLiteIoRequest* pioRecvPci, byte* pbRecvBuffer, nuint* pcbRecvLength);

    [LibraryImport(Library)]
    public static partial nint SCardCancel(nint hContext);

    [LibraryImport(Library)]
    public static partial nint SCardGetAttrib(nint hCard, nuint dwAttrId, byte* pbAttr, nuint* pcbAttrLen);
}
