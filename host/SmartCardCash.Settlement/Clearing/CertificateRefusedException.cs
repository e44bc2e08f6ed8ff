namespace SmartCardCash.Settlement.Clearing;

/// <summary>The bank refused a purse certificate, for <see cref="Reason"/>, said in one sentence. Nothing was stored.</summary>
public sealed class CertificateRefusedException(CertificateRefusal reason, string message) : Exception(message)
{
    public CertificateRefusal Reason { get; } = reason;
}
