using System.Numerics;

namespace SmartCardCash.Pcsc.Interop.Unix;

/// <summary>
/// The functions of pcsc-lite's winscard.h, which both pcsc-lite (Linux and other Unix systems) and macOS
/// PCSC.framework (Apple's pcsc-lite) export with the same names and UTF-8 strings. Only the widths differ:
/// <typeparamref name="TLong"/> is LONG, and SCARDCONTEXT / SCARDHANDLE, which are LONG too; <typeparamref name="TDword"/>
/// is DWORD; <typeparamref name="TReaderState"/> and <typeparamref name="TIoRequest"/> are the platform's
/// SCARD_READERSTATE and SCARD_IO_REQUEST. Each platform implements this with its LibraryImport declarations, exactly as
/// its header has them, and <see cref="UnixPcscApi{TNative, TLong, TDword, TReaderState, TIoRequest}"/> calls them.
/// </summary>
internal unsafe interface IUnixPcscNative<TLong, TDword, TReaderState, TIoRequest>
    where TLong : unmanaged, IBinaryInteger<TLong>
    where TDword : unmanaged, IBinaryInteger<TDword>
    where TReaderState : unmanaged, INativeReaderState<TReaderState>
    where TIoRequest : unmanaged, INativeIoRequest<TIoRequest>
{
    static abstract TLong SCardEstablishContext(TDword dwScope, nint pvReserved1, nint pvReserved2, TLong* phContext);

    static abstract TLong SCardReleaseContext(TLong hContext);

    static abstract TLong SCardIsValidContext(TLong hContext);

    static abstract TLong SCardListReaders(TLong hContext, byte* mszGroups, byte* mszReaders, TDword* pcchReaders);

    static abstract TLong SCardListReaderGroups(TLong hContext, byte* mszGroups, TDword* pcchGroups);

    static abstract TLong SCardConnect(TLong hContext, byte* szReader, TDword dwShareMode, TDword dwPreferredProtocols,
        TLong* phCard, TDword* pdwActiveProtocol);

    static abstract TLong SCardReconnect(TLong hCard, TDword dwShareMode, TDword dwPreferredProtocols,
        TDword dwInitialization, TDword* pdwActiveProtocol);

    static abstract TLong SCardDisconnect(TLong hCard, TDword dwDisposition);

    static abstract TLong SCardBeginTransaction(TLong hCard);

    static abstract TLong SCardEndTransaction(TLong hCard, TDword dwDisposition);

    static abstract TLong SCardStatus(TLong hCard, byte* mszReaderName, TDword* pcchReaderLen, TDword* pdwState,
        TDword* pdwProtocol, byte* pbAtr, TDword* pcbAtrLen);

    static abstract TLong SCardGetStatusChange(TLong hContext, TDword dwTimeout, TReaderState* rgReaderStates,
        TDword cReaders);

    static abstract TLong SCardControl(TLong hCard, TDword dwControlCode, byte* pbSendBuffer, TDword cbSendLength,
        byte* pbRecvBuffer, TDword cbRecvLength, TDword* lpBytesReturned);

    static abstract TLong SCardTransmit(TLong hCard, TIoRequest* pioSendPci, byte* pbSendBuffer, TDword cbSendLength,
        TIoRequest* pioRecvPci, byte* pbRecvBuffer, TDword* pcbRecvLength);

    static abstract TLong SCardCancel(TLong hContext);

    static abstract TLong SCardGetAttrib(TLong hCard, TDword dwAttrId, byte* pbAttr, TDword* pcbAttrLen);
}
