using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Settlement.Archive;

/// <summary>
/// A purse's whole exception log as READ LOG gave it (index 0 first, each record signed by the purse), the purse's
/// certificate and its issuer counter (GET DATA): what a terminal uploads, or what the bank reads from one of its own
/// purses. The clear authorisation the archive returns is for exactly these records at this counter.
/// </summary>
public sealed record ExceptionUpload
{
    public ExceptionUpload(PurseCertificate certificate, uint issuerCounter, IReadOnlyList<ExceptionLogEntry> records)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(records);
        (Certificate, IssuerCounter, Records) = (certificate, issuerCounter, [.. records]);
    }

    public PurseCertificate Certificate { get; }

    public uint IssuerCounter { get; }

    public IReadOnlyList<ExceptionLogEntry> Records { get; }

    public PurseId Purse => Certificate.Body.Holder;
}
