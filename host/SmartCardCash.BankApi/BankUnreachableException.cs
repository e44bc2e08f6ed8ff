namespace SmartCardCash.BankApi;

/// <summary>No answer from the bank at <see cref="Address"/>: nothing listens there, the connection failed, or it took
/// too long. Whether a request that was sent took effect is unknown; a retry with the same request ID is safe.</summary>
public sealed class BankUnreachableException(Uri address, string reason, Exception? innerException = null)
    : Exception($"the bank at {address} cannot be reached: {reason.TrimEnd('.')}.", innerException)
{
    public Uri Address { get; } = address;
}
