using System.Runtime.InteropServices;

namespace SmartCardCash.Pcsc.Interop.Windows;

/// <summary>
/// winscard.dll: LONG and DWORD are 32-bit, SCARDCONTEXT / SCARDHANDLE are ULONG_PTR (pointer-sized), text goes
/// through the UTF-16 "W" functions. The calling convention is WINAPI, the platform default.
/// </summary>
internal static unsafe partial class WinscardNative
{
    public const string Library = "winscard.dll";

    [LibraryImport(Library)]
    public static partial int SCardEstablishContext(uint dwScope, nint pvReserved1, nint pvReserved2, nint* phContext);

    [LibraryImport(Library)]
    public static partial int SCardReleaseContext(nint hContext);

    [LibraryImport(Library)]
    public static partial int SCardIsValidContext(nint hContext);

    [LibraryImport(Library)]
    public static partial int SCardListReadersW(nint hContext, char* mszGroups, char* mszReaders, uint* pcchReaders);

    [LibraryImport(Library)]
    public static partial int SCardListReaderGroupsW(nint hContext, char* mszGroups, uint* pcchGroups);

    [LibraryImport(Library)]
    public static partial int SCardConnectW(nint hContext, char* szReader, uint dwShareMode, uint dwPreferredProtocols,
        nint* phCard, uint* pdwActiveProtocol);

    [LibraryImport(Library)]
    public static partial int SCardReconnect(nint hCard, uint dwShareMode, uint dwPreferredProtocols,
        uint dwInitialization, uint* pdwActiveProtocol);

    [LibraryImport(Library)]
    public static partial int SCardDisconnect(nint hCard, uint dwDisposition);

    [LibraryImport(Library)]
    public static partial int SCardBeginTransaction(nint hCard);

    [LibraryImport(Library)]
    public static partial int SCardEndTransaction(nint hCard, uint dwDisposition);

    [LibraryImport(Library)]
    public static partial int SCardStatusW(nint hCard, char* mszReaderNames, uint* pcchReaderLen, uint* pdwState,
        uint* pdwProtocol, byte* pbAtr, uint* pcbAtrLen);

    /// <summary>rgReaderStates points at <see cref="WindowsReaderState{TPointer}"/> of the process's pointer width.</summary>
    [LibraryImport(Library)]
    public static partial int SCardGetStatusChangeW(nint hContext, uint dwTimeout, void* rgReaderStates, uint cReaders);

    [LibraryImport(Library)]
    public static partial int SCardControl(nint hCard, uint dwControlCode, byte* lpInBuffer, uint cbInBufferSize,
        byte* lpOutBuffer, uint cbOutBufferSize, uint* lpBytesReturned);

    [LibraryImport(Library)]
    public static partial int SCardTransmit(nint hCard, WindowsIoRequest* pioSendPci, byte* pbSendBuffer,
        uint cbSendLength, WindowsIoRequest* pioRecvPci, byte* pbRecvBuffer, uint* pcbRecvLength);

    [LibraryImport(Library)]
    public static partial int SCardCancel(nint hContext);

    [LibraryImport(Library)]
    public static partial int SCardGetAttrib(nint hCard, uint dwAttrId, byte* pbAttr, uint* pcbAttrLen);
}
