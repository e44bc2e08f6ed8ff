using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Payments;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Journal;

/// <summary>
/// The journal's line format, version 1: one JSON object per line, UTF-8, ending in a newline.
/// <code>
/// {"format":1,"recorded":"2026-11-25T12:00:00.000Z","source":"pay","pd":"…63 bytes…","val":"…signature…",
///  "ack":"…signature…"|null,"payerCertificate":"…7F21…"|null,"sha256":"…"}
/// </code>
/// Bytes are upper-case hex. <c>sha256</c> is over the UTF-8 of <c>scc-journal-1</c> and every other field in that
/// order, each after a newline (null as empty): it tells a damaged line from a whole one. A line cut short by a crash
/// or a full disk is the start of a line without its closing brace: <see cref="IsTorn"/>.
/// </summary>
public static class JournalFormat
{
    public const int Version = 1;

    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Encode(JournalEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        SignedPayment payment = entry.Payment;
        string recorded = entry.Recorded.ToString(TimeFormat, CultureInfo.InvariantCulture);
        string pd = Hex.Encode(payment.Details.Encoding);
        string val = Hex.Encode(payment.Val.Signature);
        string? ack = payment.Ack is { } a ? Hex.Encode(a.Signature) : null;
        string? certificate = payment.PayerCertificate is { } c ? Hex.Encode(c.Encoded) : null;
        var json = new JournalLineJson(Version, recorded, entry.Source, pd, val, ack, certificate,
            Digest(Version, recorded, entry.Source, pd, val, ack, certificate));
        return JsonSerializer.Serialize(json, JournalJsonContext.Default.JournalLineJson);
    }

    /// <summary>Reads one whole line back, checking its digest, the val's and ack's form, and the certificate's holder.</summary>
    /// <exception cref="FormatException">The line is not a journal entry of this format, or was changed: why, in a few words.</exception>
    public static JournalEntry Decode(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        JournalLineJson json;
        try
        {
            json = JsonSerializer.Deserialize(line, JournalJsonContext.Default.JournalLineJson)
                ?? throw new FormatException("the line holds null");
        }
        catch (JsonException e)
        {
            // System.Text.Json's first sentence says what is wrong; the rest is its path and position in the line.
            int end = e.Message.IndexOf(". ", StringComparison.Ordinal);
            throw new FormatException($"not a journal entry ({(end > 0 ? e.Message[..end] : e.Message.TrimEnd('.'))})", e);
        }
        if (json.Format != Version)
        {
            throw new FormatException($"journal format {json.Format}, not {Version}");
        }
        if (json is not { Recorded: not null, Source: not null, Pd: not null, Val: not null, Sha256: not null })
        {
            throw new FormatException("a field is missing");
        }
        string digest = Digest(json.Format, json.Recorded, json.Source, json.Pd, json.Val, json.Ack, json.PayerCertificate);
        if (!string.Equals(digest, json.Sha256, StringComparison.OrdinalIgnoreCase))
        {
            throw new FormatException("its sha256 does not match its content: the line was changed or damaged");
        }
        try
        {
            PaymentDetails pd = PaymentDetails.Decode(Hex.Decode(json.Pd));
            var val = new ProtectedMessage(MessageType.Val, pd, Hex.Decode(json.Val));
            ProtectedMessage? ack = json.Ack is null ? null : new ProtectedMessage(MessageType.Ack, pd, Hex.Decode(json.Ack));
            PurseCertificate? certificate = json.PayerCertificate is null ? null : PurseCertificate.Parse(Hex.Decode(json.PayerCertificate));
            DateTimeOffset recorded = DateTimeOffset.ParseExact(json.Recorded, TimeFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal);
            return new JournalEntry(recorded, json.Source, new SignedPayment(val, ack, certificate));
        }
        catch (Exception e) when (e is PurseFormatException or ArgumentException)
        {
            throw new FormatException(e.Message.TrimEnd('.'), e);
        }
    }

    /// <summary>What every line <see cref="Encode"/> writes starts with (its first property), so a fragment of one does too.</summary>
    private const string LineStart = "{\"format\":";

    /// <summary>
    /// A fragment of an append cut short (a crash, a full disk): the start of a line <see cref="Encode"/> wrote, without
    /// the closing brace every whole line ends with, possibly followed by NULs (a file system that grew the file before
    /// the bytes reached it). Anything else that is not a whole entry (garbage, another file's line) is not torn: it is
    /// damaged, and said so, never skipped quietly.
    /// </summary>
    public static bool IsTorn(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string text = line.TrimEnd();
        int zero = text.IndexOf('\0', StringComparison.Ordinal);
        if (zero >= 0)
        {
            if (text[zero..].Any(c => c != '\0'))
            {
                return false;
            }
            text = text[..zero];
        }
        return !text.EndsWith('}')
            && (text.StartsWith(LineStart, StringComparison.Ordinal) || LineStart.StartsWith(text, StringComparison.Ordinal))
            && text.All(c => c is >= ' ' and <= '~');
    }

    private static string Digest(int format, string recorded, string source, string pd, string val, string? ack, string? certificate)
    {
        string content = string.Join('\n', "scc-journal-1", format.ToString(CultureInfo.InvariantCulture), recorded, source, pd,
            val, ack ?? "", certificate ?? "");
        return Hex.Encode(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }
}
