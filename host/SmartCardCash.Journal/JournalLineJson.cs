namespace SmartCardCash.Journal;

/// <summary>
/// One line of the journal as JSON (see <see cref="JournalFormat"/>): the format number, when and by which command it
/// was recorded, the payment details and the payer's val signature, the payee's ack signature and the payer's
/// certificate (hex, or null), and the SHA-256 of all of it.
/// </summary>
internal sealed record JournalLineJson(int Format, string Recorded, string Source, string Pd, string Val, string? Ack,
    string? PayerCertificate, string Sha256);
