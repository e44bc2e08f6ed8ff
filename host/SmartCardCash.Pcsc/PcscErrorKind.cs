namespace SmartCardCash.Pcsc;

/// <summary>Which exception family a PC/SC code belongs to; see <see cref="Errors.PcscErrors"/>.</summary>
internal enum PcscErrorKind
{
    Other,
    ServiceUnavailable,
    ReaderUnavailable,
    CardAbsent,
    CardUnresponsive,
    CardReset,
    Timeout,
    Cancelled,
    SharingViolation,
    Communication,
}
