using System.Globalization;
using System.Text;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Payments;

/// <summary>
/// The hotlist as the issuer publishes it: signed, versioned by a sequence number and a date, in one strict text form.
/// <code>
/// SCC-HOTLIST 1
/// issuer 5343430A
/// sequence 42
/// date 2026-11-25
/// purse 5343430A00000007
/// purse 5343430A0000000B
/// signature 3045…
/// </code>
/// Every line ends with LF; purse IDs are upper-case hex in ascending order, each once (none is a valid list); the
/// signature (DER, upper-case hex) is the issuer's over <c>SCC1 ‖ 40 ‖</c> the UTF-8 text of every line before it
/// (<see cref="SignedMessages.Hotlist"/>). Nothing else is allowed, so one list has one text and one signature checks it.
/// </summary>
public sealed class SignedHotlist
{
    public const string Header = "SCC-HOTLIST 1";

    private const string DateFormat = "yyyy-MM-dd";

    private readonly byte[] _signature;

    private SignedHotlist(IssuerId issuer, uint sequence, DateOnly date, IReadOnlyList<PurseId> purses, string body, byte[] signature)
    {
        Issuer = issuer;
        Sequence = sequence;
        Date = date;
        Purses = purses;
        Body = body;
        _signature = signature;
    }

    public IssuerId Issuer { get; }

    /// <summary>The version: each list the issuer publishes has a higher one; a terminal never takes a lower one.</summary>
    public uint Sequence { get; }

    /// <summary>The day the issuer published it.</summary>
    public DateOnly Date { get; }

    public IReadOnlyList<PurseId> Purses { get; }

    /// <summary>The signed text: every line before the signature line.</summary>
    public string Body { get; }

    /// <summary>The issuer's DER signature over <c>SCC1 ‖ 40 ‖</c> <see cref="Body"/>.</summary>
    public ReadOnlySpan<byte> Signature => _signature;

    /// <summary>The whole list, as it is stored and sent.</summary>
    public string Text => $"{Body}signature {Hex.Encode(Signature)}\n";

    /// <summary>The text the issuer signs for a list of <paramref name="purses"/> (in any order, repeats dropped).</summary>
    public static string BodyOf(IssuerId issuer, uint sequence, DateOnly date, IEnumerable<PurseId> purses)
    {
        ArgumentNullException.ThrowIfNull(purses);
        if (sequence == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(sequence), "a hotlist's sequence number starts at 1");
        }
        var text = new StringBuilder();
        text.Append(Header).Append('\n')
            .Append("issuer ").Append(issuer).Append('\n')
            .Append("sequence ").Append(sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("date ").Append(date.ToString(DateFormat, CultureInfo.InvariantCulture)).Append('\n');
        foreach (PurseId purse in purses.Distinct().OrderBy(p => p.Value))
        {
            text.Append("purse ").Append(purse).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>What the issuer signs: <c>SCC1 ‖ 40 ‖ body</c>.</summary>
    public static byte[] SignedBytes(string body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return SignedMessages.Hotlist(Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Reads a list in its strict form, without judging its signature (<see cref="Verify"/> does).</summary>
    /// <exception cref="FormatException">It is not a signed hotlist (a plain one, say), or bends the form: the line and why.</exception>
    public static SignedHotlist Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.EndsWith('\n'))
        {
            throw new FormatException("a signed hotlist ends with a newline after its signature line");
        }
        string[] lines = text[..^1].Split('\n');
        if (lines[0] != Header)
        {
            throw new FormatException($"not a signed hotlist: its first line is not '{Header}'");
        }
        if (lines.Length < 5)
        {
            throw new FormatException("a signed hotlist has an issuer, a sequence, a date and a signature line");
        }
        IssuerId issuer = Field(lines, 1, "issuer", v => IssuerId.Parse(v), v => v.Length == 2 * IssuerId.Length && IsUpperHex(v));
        uint sequence = Field(lines, 2, "sequence", v => uint.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture),
            v => v.Length is > 0 and <= 10 && v[0] != '0');
        DateOnly date = Field(lines, 3, "date", v => DateOnly.ParseExact(v, DateFormat, CultureInfo.InvariantCulture), v => v.Length == 10);
        var purses = new List<PurseId>();
        for (int i = 4; i < lines.Length - 1; i++)
        {
            PurseId purse = Field(lines, i, "purse", v => new PurseId(ulong.Parse(v, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)),
                v => v.Length == 2 * PurseId.Length && IsUpperHex(v));
            if (purses.Count > 0 && purse.Value <= purses[^1].Value)
            {
                throw new FormatException($"line {i + 1}: purse IDs are listed in ascending order, each once");
            }
            purses.Add(purse);
        }
        int last = lines.Length - 1;
        byte[] signature = Field(lines, last, "signature", Hex.Decode, v => v.Length % 2 == 0 && IsUpperHex(v));
        string body = string.Concat(lines[..last].Select(line => line + "\n"));
        return new SignedHotlist(issuer, sequence, date, purses, body, signature);
    }

    /// <summary>Parses <paramref name="text"/> and checks it against the terminal's trusted issuer certificate.</summary>
    /// <exception cref="FormatException">Not in the strict form (<see cref="Parse"/>).</exception>
    /// <exception cref="HotlistSignatureException">From another issuer, or its signature does not verify.</exception>
    public static SignedHotlist Verify(string text, PurseCertificate trustedIssuer, IPurseCrypto? crypto = null)
    {
        ArgumentNullException.ThrowIfNull(trustedIssuer);
        SignedHotlist list = Parse(text);
        IssuerId trusted = trustedIssuer.Body.Issuer;
        if (list.Issuer != trusted)
        {
            throw new HotlistSignatureException($"the hotlist is issuer {list.Issuer}'s, not the trusted issuer {trusted}'s");
        }
        if (!(crypto ?? P256.Shared).Verify(trustedIssuer.Body.PublicKey, SignedBytes(list.Body), list._signature))
        {
            throw new HotlistSignatureException($"the hotlist's signature does not verify under issuer {trusted}'s key");
        }
        return list;
    }

    /// <summary>Puts a body (<see cref="BodyOf"/>) and the issuer's signature over it together.</summary>
    /// <exception cref="FormatException">The body is not in the strict form.</exception>
    public static SignedHotlist Assemble(string body, ReadOnlySpan<byte> signature) =>
        Parse($"{body}signature {Hex.Encode(signature)}\n");

    /// <summary>The list a terminal checks payments against.</summary>
    public Hotlist ToHotlist(string? source = null) => Hotlist.Of(Purses, source);

    public override string ToString() =>
        $"issuer {Issuer}'s hotlist {Sequence} of {Date.ToString(DateFormat, CultureInfo.InvariantCulture)} ({Purses.Count} purses)";

    private static T Field<T>(string[] lines, int index, string name, Func<string, T> parse, Func<string, bool> canonical)
    {
        string line = lines[index];
        string prefix = name + " ";
        string value = line.StartsWith(prefix, StringComparison.Ordinal) ? line[prefix.Length..] : "";
        if (value.Length == 0 || !canonical(value))
        {
            throw new FormatException($"line {index + 1}: '{Shorten(line)}' is not '{name} …' as a signed hotlist writes it");
        }
        try
        {
            return parse(value);
        }
        catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or PurseFormatException)
        {
            throw new FormatException($"line {index + 1}: '{Shorten(line)}' is not a valid {name}", e);
        }
    }

    private static bool IsUpperHex(string value) => value.All(c => char.IsAsciiDigit(c) || c is >= 'A' and <= 'F');

    private static string Shorten(string line) => line.Length <= 40 ? line : line[..40] + "…";
}
