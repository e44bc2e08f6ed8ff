namespace SmartCardCash.Purse.Spec;

/// <summary>READ LOG of the exception log: index, record, and the purse's signature over <c>SCC1 ‖ 10 ‖ purse ID ‖ record</c>.</summary>
public sealed record ExceptionLogEntry(int Index, ExceptionRecord Record, ReadOnlyMemory<byte> Signature)
{
    public bool Verify(PurseId purse, ReadOnlySpan<byte> pursePublicKey, IPurseCrypto? crypto = null) =>
        (crypto ?? P256.Shared).Verify(pursePublicKey, SignedMessages.ExceptionLogRecord(purse, Record), Signature.Span);
}
