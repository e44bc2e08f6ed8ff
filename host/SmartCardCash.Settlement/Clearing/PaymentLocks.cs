using System.Buffers.Binary;
using System.Security.Cryptography;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.Clearing;

/// <summary>
/// Serialises the writers that judge one payment (clearing its val, archiving its 01 or its 02) so that each sees what
/// the others committed: without it, on PostgreSQL at READ COMMITTED, a 01 and a 02 uploaded at once could each miss
/// the other and the payment would never be found definitely lost. PostgreSQL: a transaction-scoped advisory lock per
/// PD, taken in key order so two batches never wait on each other in a circle. SQLite: its single write lock does it.
/// </summary>
internal static class PaymentLocks
{
    public static void Take(BankTransaction tx, IEnumerable<PaymentDetails> payments)
    {
        if (tx.Dialect.Location.Provider != StorageProvider.Postgres)
        {
            return;
        }
        foreach (long key in payments.Select(KeyOf).Distinct().Order())
        {
            tx.Execute("SELECT pg_advisory_xact_lock(@Key)", new { Key = key });
        }
    }

    /// <summary>The first 8 bytes of SHA-256 over the PD, with a tag so the key space is apart from the migrations' lock.</summary>
    private static long KeyOf(PaymentDetails details)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(details.Encoding, hash);
        return BinaryPrimitives.ReadInt64BigEndian(hash) | 1L << 62;
    }
}
