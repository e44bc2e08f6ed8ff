using SmartCardCash.Purse.Payments;

namespace SmartCardCash.Journal;

/// <summary>One payment in the journal: its signed evidence, when the terminal recorded it, and which command did.</summary>
public sealed class JournalEntry
{
    /// <param name="recorded">When the terminal recorded it (kept to the millisecond, in UTC).</param>
    /// <param name="source">The command that completed the payment: <c>pay</c>, <c>receive</c>, <c>recover</c>.</param>
    /// <param name="payment">The payer's signed val, and the ack and certificate where known.</param>
    /// <exception cref="ArgumentException">A source that is not a short lowercase word.</exception>
    public JournalEntry(DateTimeOffset recorded, string source, SignedPayment payment)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(payment);
        if (source.Length is 0 or > 32 || !source.All(c => c is (>= 'a' and <= 'z') or '-'))
        {
            throw new ArgumentException($"a journal entry's source is a short lowercase word, not '{source}'", nameof(source));
        }
        Recorded = recorded.ToUniversalTime();
        Source = source;
        Payment = payment;
    }

    public DateTimeOffset Recorded { get; }

    public string Source { get; }

    public SignedPayment Payment { get; }
}
