namespace SmartCardCash.Settlement.Access;

/// <summary>The bank refused the caller, for <see cref="Reason"/>, said in one sentence that never holds a secret.
/// Nothing of the request was written.</summary>
public sealed class AccessRefusedException(AccessRefusal reason, string message) : Exception(message)
{
    public AccessRefusal Reason { get; } = reason;
}
