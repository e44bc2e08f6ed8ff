namespace SmartCardCash.Pcsc;

/// <summary>
/// PC/SC result codes, normalised to their 32-bit value. pcsc-lite on 64-bit Linux returns them as positive 64-bit
/// longs (0x8010xxxx), Windows and macOS as negative 32-bit ints; both become the same value here.
/// <see cref="Errors.PcscErrors"/> gives each one its symbolic name, a readable message and an exception.
/// </summary>
public enum PcscError : uint
{
    Success = 0x0000_0000,
    InternalError = 0x8010_0001,
    Cancelled = 0x8010_0002,
    InvalidHandle = 0x8010_0003,
    InvalidParameter = 0x8010_0004,
    InvalidTarget = 0x8010_0005,
    NoMemory = 0x8010_0006,
    WaitedTooLong = 0x8010_0007,
    InsufficientBuffer = 0x8010_0008,
    UnknownReader = 0x8010_0009,
    Timeout = 0x8010_000A,
    SharingViolation = 0x8010_000B,
    NoSmartCard = 0x8010_000C,
    UnknownCard = 0x8010_000D,
    CantDispose = 0x8010_000E,
    ProtocolMismatch = 0x8010_000F,
    NotReady = 0x8010_0010,
    InvalidValue = 0x8010_0011,
    SystemCancelled = 0x8010_0012,
    CommunicationError = 0x8010_0013,
    UnknownError = 0x8010_0014,
    InvalidAtr = 0x8010_0015,
    NotTransacted = 0x8010_0016,
    ReaderUnavailable = 0x8010_0017,
    Shutdown = 0x8010_0018,
    PciTooSmall = 0x8010_0019,
    ReaderUnsupported = 0x8010_001A,
    DuplicateReader = 0x8010_001B,
    CardUnsupported = 0x8010_001C,
    NoService = 0x8010_001D,
    ServiceStopped = 0x8010_001E,

    /// <summary>SCARD_E_UNEXPECTED; pcsc-lite also defines SCARD_E_UNSUPPORTED_FEATURE with this value.</summary>
    Unexpected = 0x8010_001F,
    IccInstallation = 0x8010_0020,
    IccCreateOrder = 0x8010_0021,

    /// <summary>SCARD_E_UNSUPPORTED_FEATURE as Windows defines it (pcsc-lite uses <see cref="Unexpected"/>).</summary>
    UnsupportedFeature = 0x8010_0022,
    DirectoryNotFound = 0x8010_0023,
    FileNotFound = 0x8010_0024,
    NoDirectory = 0x8010_0025,
    NoFile = 0x8010_0026,
    NoAccess = 0x8010_0027,
    WriteTooMany = 0x8010_0028,
    BadSeek = 0x8010_0029,
    InvalidChv = 0x8010_002A,
    UnknownResourceManager = 0x8010_002B,
    NoSuchCertificate = 0x8010_002C,
    CertificateUnavailable = 0x8010_002D,
    NoReadersAvailable = 0x8010_002E,
    CommunicationDataLost = 0x8010_002F,
    NoKeyContainer = 0x8010_0030,
    ServerTooBusy = 0x8010_0031,

    /// <summary>Windows only.</summary>
    PinCacheExpired = 0x8010_0032,

    /// <summary>Windows only.</summary>
    NoPinCache = 0x8010_0033,

    /// <summary>Windows only.</summary>
    ReadOnlyCard = 0x8010_0034,

    UnsupportedCard = 0x8010_0065,
    UnresponsiveCard = 0x8010_0066,
    UnpoweredCard = 0x8010_0067,
    ResetCard = 0x8010_0068,
    RemovedCard = 0x8010_0069,
    SecurityViolation = 0x8010_006A,
    WrongChv = 0x8010_006B,
    ChvBlocked = 0x8010_006C,
    EndOfFile = 0x8010_006D,
    CancelledByUser = 0x8010_006E,
    CardNotAuthenticated = 0x8010_006F,

    /// <summary>Windows only.</summary>
    CacheItemNotFound = 0x8010_0070,

    /// <summary>Windows only.</summary>
    CacheItemStale = 0x8010_0071,

    /// <summary>Windows only.</summary>
    CacheItemTooBig = 0x8010_0072,

    /// <summary>Win32 ERROR_INVALID_HANDLE, which winscard returns for a stale context or card handle.</summary>
    Win32InvalidHandle = 0x0000_0006,

    /// <summary>Win32 ERROR_NOT_SUPPORTED, which winscard returns for attributes a reader lacks.</summary>
    Win32NotSupported = 0x0000_0032,

    /// <summary>Win32 ERROR_INVALID_PARAMETER.</summary>
    Win32InvalidParameter = 0x0000_0057,

    /// <summary>Win32 ERROR_BROKEN_PIPE: the link to the Smart Card service broke.</summary>
    Win32BrokenPipe = 0x0000_006D,

    /// <summary>Win32 ERROR_INSUFFICIENT_BUFFER.</summary>
    Win32InsufficientBuffer = 0x0000_007A,
}
