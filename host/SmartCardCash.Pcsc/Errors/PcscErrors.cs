using System.Collections.Frozen;
using System.Globalization;
using SmartCardCash.Iso7816.Errors;
using SmartCardCash.Pcsc.Interop;

namespace SmartCardCash.Pcsc.Errors;

/// <summary>
/// The one place that knows every PC/SC result code: its symbolic name (pcsclite.h, winscard.h), a message a person
/// can act on, and the exception to raise. Messages end with the symbolic name in brackets, for example
/// "the PC/SC service is not running (start pcscd) [SCARD_E_NO_SERVICE]".
/// </summary>
/// <remarks>
/// Exception families: service down → <see cref="CardServiceUnavailableException"/>; reader missing →
/// <see cref="ReaderUnavailableException"/>; card absent → <see cref="CardRemovedException"/> when a connection was
/// open, else <see cref="NoCardException"/>; card reset by someone else → <see cref="PcscCardResetException"/>;
/// timeout → <see cref="PcscTimeoutException"/>; cancelled → <see cref="PcscCancelledException"/>; card held by
/// another program → <see cref="PcscSharingViolationException"/>; transport failures →
/// <see cref="CardCommunicationException"/>; everything else → <see cref="PcscException"/>.
/// Every exception carries the code in NativeErrorCode.
/// </remarks>
public static class PcscErrors
{
    private static readonly FrozenDictionary<PcscError, PcscErrorInfo> Table = BuildTable();

    /// <summary>Every code this table describes.</summary>
    public static IReadOnlyCollection<PcscError> KnownErrors => Table.Keys;

    /// <summary>
    /// Turns a native LONG into a <see cref="PcscError"/>. pcsc-lite on 64-bit Linux returns 0x8010xxxx as a positive
    /// 64-bit value, Windows and macOS as a negative 32-bit value; the low 32 bits are the code in both cases.
    /// </summary>
    public static PcscError Normalize(long nativeResult) => (PcscError)unchecked((uint)nativeResult);

    /// <summary>The symbolic name, e.g. "SCARD_E_NO_SERVICE", or "0x…" for a code this table does not know.</summary>
    public static string GetName(PcscError error) => GetName(error, PcscApiFactory.CurrentPlatform);

    internal static string GetName(PcscError error, PcscPlatform platform) =>
        error == PcscError.Unexpected && platform != PcscPlatform.Windows
            ? "SCARD_E_UNSUPPORTED_FEATURE" // pcsc-lite's name for 0x8010001F, the one its drivers mean
            : Table.TryGetValue(error, out var info) ? info.Name : FormatUnknown(error);

    /// <summary>A short sentence for people (without the symbolic name), suited to the platform this process runs on.</summary>
    public static string GetMessage(PcscError error) => GetMessage(error, PcscApiFactory.CurrentPlatform);

    /// <summary>The message followed by the symbolic name: "… [SCARD_E_…]".</summary>
    public static string FormatMessage(PcscError error) => FormatMessage(error, PcscApiFactory.CurrentPlatform, null);

    /// <summary>
    /// The exception for <paramref name="error"/>. <paramref name="cardConnected"/> tells whether a card connection
    /// was open (a missing card then means it was removed, rather than never there). <paramref name="readerName"/>
    /// is named in the message when given; <paramref name="availableReaders"/> goes into
    /// <see cref="ReaderUnavailableException.AvailableReaders"/>.
    /// </summary>
    public static Exception CreateException(PcscError error, bool cardConnected = false, string? readerName = null,
        IReadOnlyList<string>? availableReaders = null) =>
        CreateException(error, PcscApiFactory.CurrentPlatform, cardConnected, readerName, availableReaders);

    internal static string GetMessage(PcscError error, PcscPlatform platform)
    {
        return error switch
        {
            PcscError.NoService => platform switch
            {
                PcscPlatform.Windows => "the Smart Card service is not running (start the \"Smart Card\" service, SCardSvr)",
                PcscPlatform.MacOs => "the PC/SC service is not available (macOS starts it when a reader is connected)",
                _ => "the PC/SC service is not running (start pcscd)",
            },
            PcscError.ServiceStopped => platform switch
            {
                PcscPlatform.Windows => "the Smart Card service has stopped (start the \"Smart Card\" service, SCardSvr)",
                PcscPlatform.MacOs => "the PC/SC service has stopped (reconnect the reader)",
                _ => "the PC/SC service has stopped (start pcscd)",
            },
            PcscError.Unexpected => platform == PcscPlatform.Windows
                ? "an unexpected card error occurred"
                : "the reader or card does not support the requested feature",
            _ => Table.TryGetValue(error, out var info)
                ? info.Message
                : $"the PC/SC call failed with an unknown error code {FormatUnknown(error)}",
        };
    }

    internal static string FormatMessage(PcscError error, PcscPlatform platform, string? readerName, bool cardConnected = false)
    {
        var message = GetMessage(error, platform);
        if (GetKind(error) == PcscErrorKind.CardAbsent)
        {
            // The same codes mean "taken out while connected" or "never inserted", depending on whether a card was connected.
            message = cardConnected ? "the card was removed from the reader" : "there is no card in the reader";
        }

        var prefix = string.IsNullOrEmpty(readerName) ? string.Empty : $"reader '{readerName}': ";
        return $"{prefix}{message} [{GetName(error, platform)}]";
    }

    internal static PcscErrorKind GetKind(PcscError error) =>
        Table.TryGetValue(error, out var info) ? info.Kind : PcscErrorKind.Other;

    internal static Exception CreateException(PcscError error, PcscPlatform platform, bool cardConnected,
        string? readerName, IReadOnlyList<string>? availableReaders)
    {
        if (error == PcscError.Success)
        {
            throw new ArgumentException("SCARD_S_SUCCESS is not an error.", nameof(error));
        }

        var message = FormatMessage(error, platform, readerName, cardConnected);
        var code = (long)(uint)error;
        return GetKind(error) switch
        {
            PcscErrorKind.ServiceUnavailable => new CardServiceUnavailableException(message) { NativeErrorCode = code },
            PcscErrorKind.ReaderUnavailable =>
                new ReaderUnavailableException(message, availableReaders) { NativeErrorCode = code },
            PcscErrorKind.CardAbsent => cardConnected
                ? new CardRemovedException(message) { NativeErrorCode = code }
                : new NoCardException(message) { NativeErrorCode = code },
            PcscErrorKind.CardUnresponsive => new NoCardException(message) { NativeErrorCode = code },
            PcscErrorKind.CardReset => new PcscCardResetException(error, message),
            PcscErrorKind.Timeout => new PcscTimeoutException(error, message),
            PcscErrorKind.Cancelled => new PcscCancelledException(error, message),
            PcscErrorKind.SharingViolation => new PcscSharingViolationException(error, message),
            PcscErrorKind.Communication => new CardCommunicationException(message) { NativeErrorCode = code },
            _ => new PcscException(error, message),
        };
    }

    private static string FormatUnknown(PcscError error) =>
        "0x" + ((uint)error).ToString("X8", CultureInfo.InvariantCulture);

    private static FrozenDictionary<PcscError, PcscErrorInfo> BuildTable()
    {
        var k = new Dictionary<PcscError, PcscErrorInfo>();

        void Add(PcscError e, string name, string message, PcscErrorKind kind = PcscErrorKind.Other) =>
            k.Add(e, new PcscErrorInfo(name, message, kind));

        Add(PcscError.Success, "SCARD_S_SUCCESS", "the call succeeded");
        Add(PcscError.InternalError, "SCARD_F_INTERNAL_ERROR", "the PC/SC service failed an internal consistency check");
        Add(PcscError.Cancelled, "SCARD_E_CANCELLED", "the wait was cancelled", PcscErrorKind.Cancelled);
        Add(PcscError.InvalidHandle, "SCARD_E_INVALID_HANDLE",
            "the PC/SC context or card handle is no longer valid (the service may have restarted)");
        Add(PcscError.InvalidParameter, "SCARD_E_INVALID_PARAMETER", "a parameter passed to PC/SC was invalid");
        Add(PcscError.InvalidTarget, "SCARD_E_INVALID_TARGET", "the PC/SC registry information is missing or invalid");
        Add(PcscError.NoMemory, "SCARD_E_NO_MEMORY", "the PC/SC service ran out of memory");
        Add(PcscError.WaitedTooLong, "SCARD_F_WAITED_TOO_LONG", "an internal PC/SC timer expired");
        Add(PcscError.InsufficientBuffer, "SCARD_E_INSUFFICIENT_BUFFER", "the buffer was too small for the data returned");
        Add(PcscError.UnknownReader, "SCARD_E_UNKNOWN_READER", "no reader has this name", PcscErrorKind.ReaderUnavailable);
        Add(PcscError.Timeout, "SCARD_E_TIMEOUT", "the wait timed out", PcscErrorKind.Timeout);
        Add(PcscError.SharingViolation, "SCARD_E_SHARING_VIOLATION",
            "the card is in use by another program (exclusive)", PcscErrorKind.SharingViolation);
        Add(PcscError.NoSmartCard, "SCARD_E_NO_SMARTCARD", "there is no card in the reader", PcscErrorKind.CardAbsent);
        Add(PcscError.UnknownCard, "SCARD_E_UNKNOWN_CARD", "the card name is not known");
        Add(PcscError.CantDispose, "SCARD_E_CANT_DISPOSE", "the card could not be left, reset, unpowered or ejected as asked");
        Add(PcscError.ProtocolMismatch, "SCARD_E_PROTO_MISMATCH",
            "the card does not support the requested protocol (or another one is already in use)");
        Add(PcscError.NotReady, "SCARD_E_NOT_READY", "the reader or card is not ready to accept commands",
            PcscErrorKind.Communication);
        Add(PcscError.InvalidValue, "SCARD_E_INVALID_VALUE", "a value passed to PC/SC was invalid");
        Add(PcscError.SystemCancelled, "SCARD_E_SYSTEM_CANCELLED",
            "the operation was cancelled by the system (log off or shut down)", PcscErrorKind.Cancelled);
        Add(PcscError.CommunicationError, "SCARD_F_COMM_ERROR",
            "communication with the PC/SC service failed", PcscErrorKind.Communication);
        Add(PcscError.UnknownError, "SCARD_F_UNKNOWN_ERROR", "the PC/SC service reported an error of unknown origin");
        Add(PcscError.InvalidAtr, "SCARD_E_INVALID_ATR", "an ATR from the card database is not valid");
        Add(PcscError.NotTransacted, "SCARD_E_NOT_TRANSACTED",
            "the reader could not complete the exchange with the card (or no transaction was open)",
            PcscErrorKind.Communication);
        Add(PcscError.ReaderUnavailable, "SCARD_E_READER_UNAVAILABLE",
            "the reader is not available (unplugged or in use)", PcscErrorKind.ReaderUnavailable);
        Add(PcscError.Shutdown, "SCARD_P_SHUTDOWN", "the operation was aborted because the PC/SC service is shutting down",
            PcscErrorKind.ServiceUnavailable);
        Add(PcscError.PciTooSmall, "SCARD_E_PCI_TOO_SMALL", "the protocol control information buffer was too small");
        Add(PcscError.ReaderUnsupported, "SCARD_E_READER_UNSUPPORTED", "the reader driver does not meet the minimal requirements");
        Add(PcscError.DuplicateReader, "SCARD_E_DUPLICATE_READER", "the reader driver did not give a unique reader name");
        Add(PcscError.CardUnsupported, "SCARD_E_CARD_UNSUPPORTED", "the card does not meet the minimal requirements");
        Add(PcscError.NoService, "SCARD_E_NO_SERVICE", "the PC/SC service is not running (start pcscd)",
            PcscErrorKind.ServiceUnavailable);
        Add(PcscError.ServiceStopped, "SCARD_E_SERVICE_STOPPED", "the PC/SC service has stopped (start pcscd)",
            PcscErrorKind.ServiceUnavailable);
        Add(PcscError.Unexpected, "SCARD_E_UNEXPECTED", "an unexpected card error occurred");
        Add(PcscError.IccInstallation, "SCARD_E_ICC_INSTALLATION", "no primary provider can be found for the card");
        Add(PcscError.IccCreateOrder, "SCARD_E_ICC_CREATEORDER", "the requested order of object creation is not supported");
        Add(PcscError.UnsupportedFeature, "SCARD_E_UNSUPPORTED_FEATURE", "the card or reader does not support the requested feature");
        Add(PcscError.DirectoryNotFound, "SCARD_E_DIR_NOT_FOUND", "the directory does not exist on the card");
        Add(PcscError.FileNotFound, "SCARD_E_FILE_NOT_FOUND", "the file does not exist on the card");
        Add(PcscError.NoDirectory, "SCARD_E_NO_DIR", "the path is not a directory on the card");
        Add(PcscError.NoFile, "SCARD_E_NO_FILE", "the path is not a file on the card");
        Add(PcscError.NoAccess, "SCARD_E_NO_ACCESS", "access to this file on the card is denied");
        Add(PcscError.WriteTooMany, "SCARD_E_WRITE_TOO_MANY", "the card does not have enough memory to store the data");
        Add(PcscError.BadSeek, "SCARD_E_BAD_SEEK", "the file position on the card could not be set");
        Add(PcscError.InvalidChv, "SCARD_E_INVALID_CHV", "the PIN is incorrect");
        Add(PcscError.UnknownResourceManager, "SCARD_E_UNKNOWN_RES_MNG", "a layered component returned an unknown error");
        Add(PcscError.NoSuchCertificate, "SCARD_E_NO_SUCH_CERTIFICATE", "the requested certificate does not exist");
        Add(PcscError.CertificateUnavailable, "SCARD_E_CERTIFICATE_UNAVAILABLE", "the requested certificate could not be obtained");
        Add(PcscError.NoReadersAvailable, "SCARD_E_NO_READERS_AVAILABLE", "no smart card reader is connected",
            PcscErrorKind.ReaderUnavailable);
        Add(PcscError.CommunicationDataLost, "SCARD_E_COMM_DATA_LOST",
            "communication with the card failed; retry the operation", PcscErrorKind.Communication);
        Add(PcscError.NoKeyContainer, "SCARD_E_NO_KEY_CONTAINER", "the requested key container does not exist on the card");
        Add(PcscError.ServerTooBusy, "SCARD_E_SERVER_TOO_BUSY", "the PC/SC service is too busy; retry later");
        Add(PcscError.PinCacheExpired, "SCARD_E_PIN_CACHE_EXPIRED", "the cached PIN has expired");
        Add(PcscError.NoPinCache, "SCARD_E_NO_PIN_CACHE", "the PIN could not be cached");
        Add(PcscError.ReadOnlyCard, "SCARD_E_READ_ONLY_CARD", "the card is read-only");
        Add(PcscError.UnsupportedCard, "SCARD_W_UNSUPPORTED_CARD", "the reader cannot talk to this card (ATR configuration conflict)");
        Add(PcscError.UnresponsiveCard, "SCARD_W_UNRESPONSIVE_CARD", "the card does not answer reset (inserted the wrong way?)",
            PcscErrorKind.CardUnresponsive);
        Add(PcscError.UnpoweredCard, "SCARD_W_UNPOWERED_CARD", "the card is not powered", PcscErrorKind.CardAbsent);
        Add(PcscError.ResetCard, "SCARD_W_RESET_CARD",
            "the card was reset by another program; reconnect and start over", PcscErrorKind.CardReset);
        Add(PcscError.RemovedCard, "SCARD_W_REMOVED_CARD", "the card was removed from the reader", PcscErrorKind.CardAbsent);
        Add(PcscError.SecurityViolation, "SCARD_W_SECURITY_VIOLATION", "access was denied because of a security violation");
        Add(PcscError.WrongChv, "SCARD_W_WRONG_CHV", "the wrong PIN was presented");
        Add(PcscError.ChvBlocked, "SCARD_W_CHV_BLOCKED", "the PIN is blocked (too many wrong attempts)");
        Add(PcscError.EndOfFile, "SCARD_W_EOF", "the end of the file on the card was reached");
        Add(PcscError.CancelledByUser, "SCARD_W_CANCELLED_BY_USER", "the user cancelled the operation", PcscErrorKind.Cancelled);
        Add(PcscError.CardNotAuthenticated, "SCARD_W_CARD_NOT_AUTHENTICATED", "no PIN was presented to the card");
        Add(PcscError.CacheItemNotFound, "SCARD_W_CACHE_ITEM_NOT_FOUND", "the item was not found in the card cache");
        Add(PcscError.CacheItemStale, "SCARD_W_CACHE_ITEM_STALE", "the item in the card cache is stale");
        Add(PcscError.CacheItemTooBig, "SCARD_W_CACHE_ITEM_TOO_BIG", "the item is too big for the card cache");
        Add(PcscError.Win32InvalidHandle, "ERROR_INVALID_HANDLE",
            "the PC/SC context or card handle is no longer valid (the service may have restarted)");
        Add(PcscError.Win32NotSupported, "ERROR_NOT_SUPPORTED", "the reader does not support this request");
        Add(PcscError.Win32InvalidParameter, "ERROR_INVALID_PARAMETER", "a parameter passed to PC/SC was invalid");
        Add(PcscError.Win32BrokenPipe, "ERROR_BROKEN_PIPE", "the link to the Smart Card service broke",
            PcscErrorKind.ServiceUnavailable);
        Add(PcscError.Win32InsufficientBuffer, "ERROR_INSUFFICIENT_BUFFER", "the buffer was too small for the data returned");
        return k.ToFrozenDictionary();
    }
}
