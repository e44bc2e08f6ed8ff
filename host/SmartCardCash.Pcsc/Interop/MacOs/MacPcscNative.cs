using System.Runtime.InteropServices;
using SmartCardCash.Pcsc.Interop.Unix;

namespace SmartCardCash.Pcsc.Interop.MacOs;

/// <summary>
/// winscard.h of macOS PCSC.framework: LONG is int32_t, DWORD uint32_t, and SCARDCONTEXT / SCARDHANDLE are LONG,
/// so handles are 32-bit. SCardControl with the modern signature is exported as SCardControl132.
/// </summary>
internal sealed unsafe partial class MacPcscNative : IUnixPcscNative<int, uint, MacReaderState, MacIoRequest>
{
    public const string Library = "/System/Library/Frameworks/PCSC.framework/PCSC";

    private MacPcscNative()
    {
    }

    [LibraryImport(Library)]
    public static partial int SCardEstablishContext(uint dwScope, nint pvReserved1, nint pvReserved2, int* phContext);

    [LibraryImport(Library)]
    public static partial int SCardReleaseContext(int hContext);

    [LibraryImport(Library)]
    public static partial int SCardIsValidContext(int hContext);

    [LibraryImport(Library)]
    public static partial int SCardListReaders(int hContext, byte* mszGroups, byte* mszReaders, uint* pcchReaders);

    [LibraryImport(Library)]
    public static partial int SCardListReaderGroups(int hContext, byte* mszGroups, uint* pcchGroups);

    [LibraryImport(Library)]
    public static partial int SCardConnect(int hContext, byte* szReader, uint dwShareMode, uint dwPreferredProtocols,
        int* phCard, uint* pdwActiveProtocol);

    [LibraryImport(Library)]
    public static partial int SCardReconnect(int hCard, uint dwShareMode, uint dwPreferredProtocols,
        uint dwInitialization, uint* pdwActiveProtocol);

    [LibraryImport(Library)]
    public static partial int SCardDisconnect(int hCard, uint dwDisposition);

    [LibraryImport(Library)]
    public static partial int SCardBeginTransaction(int hCard);

    [LibraryImport(Library)]
    public static partial int SCardEndTransaction(int hCard, uint dwDisposition);

    [LibraryImport(Library)]
    public static partial int SCardStatus(int hCard, byte* mszReaderName, uint* pcchReaderLen, uint* pdwState,
        uint* pdwProtocol, byte* pbAtr, uint* pcbAtrLen);

    [LibraryImport(Library)]
    public static partial int SCardGetStatusChange(int hContext, uint dwTimeout, MacReaderState* rgReaderStates,
        uint cReaders);

    [LibraryImport(Library, EntryPoint = "SCardControl132")]
    public static partial int SCardControl(int hCard, uint dwControlCode, byte* pbSendBuffer, uint cbSendLength,
        byte* pbRecvBuffer, uint cbRecvLength, uint* lpBytesReturned);

    [LibraryImport(Library)]
    public static partial int SCardTransmit(int hCard, MacIoRequest* pioSendPci, byte* pbSendBuffer,
        uint cbSendLength, MacIoRequest* pioRecvPci, byte* pbRecvBuffer, uint* pcbRecvLength);

    [LibraryImport(Library)]
    public static partial int SCardCancel(int hContext);

    [LibraryImport(Library)]
    public static partial int SCardGetAttrib(int hCard, uint dwAttrId, byte* pbAttr, uint* pcbAttrLen);
}
