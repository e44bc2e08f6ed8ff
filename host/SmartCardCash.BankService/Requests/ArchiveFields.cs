using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using SmartCardCash.BankService.Problems;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.BankService.Requests;

/// <summary>The fields of clearing, exception uploads and the hotlist: purse IDs, hex, certificates, counters, each a
/// 400 naming the field; and the per-route body limit of a journal upload.</summary>
internal static class ArchiveFields
{
    public const int MaxNoteLength = 200;

    /// <summary>A purse ID: 16 hex digits.</summary>
    public static PurseId Purse(string? value, string field)
    {
        string text = RequestFields.Required(value, field);
        if (text.Length != 2 * PurseId.Length || !text.All(char.IsAsciiHexDigit))
        {
            throw ApiProblemException.BadRequest(field, $"{field} '{RequestFields.Printable(text)}' is not a purse ID (16 hex digits, like 5343430A00000002).");
        }
        return PurseId.Parse(text);
    }

    /// <summary>Hex of <paramref name="minBytes"/> to <paramref name="maxBytes"/> bytes.</summary>
    public static byte[] Hex(string? value, string field, int minBytes, int maxBytes)
    {
        string text = RequestFields.Required(value, field);
        if (text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            throw ApiProblemException.BadRequest(field, $"{field} is not hex (an even number of the digits 0-9, A-F).");
        }
        if (text.Length / 2 < minBytes || text.Length / 2 > maxBytes)
        {
            throw ApiProblemException.BadRequest(field, minBytes == maxBytes
                ? $"{field} is {text.Length / 2} bytes; it is {minBytes}."
                : $"{field} is {text.Length / 2} bytes; it is {minBytes} to {maxBytes}.");
        }
        return Iso7816.Hex.Decode(text);
    }

    public static PurseCertificate Certificate(string? value, string field = "certificate")
    {
        byte[] bytes = Hex(value, field, 1, PurseConstants.MaxCertificateLength);
        try
        {
            PurseCertificate certificate = PurseCertificate.Parse(bytes);
            return certificate.Body.IsIssuerCertificate
                ? throw ApiProblemException.BadRequest(field, $"{field} is an issuer certificate; a purse's own is expected.")
                : certificate;
        }
        catch (PurseFormatException e)
        {
            throw ApiProblemException.BadRequest(field, $"{field} is not a purse certificate: {e.Message.TrimEnd('.')}.");
        }
    }

    /// <summary>A purse's issuer counter: 0 to 4294967295.</summary>
    public static uint Counter(long? value, string field = "issuerCounter") => value switch
    {
        null => throw ApiProblemException.BadRequest(field, $"{field} is missing: the purse's issuer counter (GET DATA status)."),
        < 0 or > uint.MaxValue => throw ApiProblemException.BadRequest(field,
            $"{field} is {value.Value.ToString(CultureInfo.InvariantCulture)}; a purse's issuer counter is 0 to {uint.MaxValue}."),
        _ => (uint)value.Value,
    };

    /// <summary>A note of 1 to <see cref="MaxNoteLength"/> characters without control characters.</summary>
    public static string Note(string? value, string field = "note")
    {
        string text = RequestFields.Required(value, field).Trim();
        return text.Length is 0 or > MaxNoteLength || text.Any(char.IsControl)
            ? throw ApiProblemException.BadRequest(field, $"{field} is 1 to {MaxNoteLength} characters without control characters.")
            : text;
    }

    /// <summary>Lets this request's body be up to <paramref name="maxBytes"/> (Kestrel's limit is the service's default
    /// until the body is read); <see cref="JsonBody"/> enforces the same number.</summary>
    public static void AllowBody(HttpContext context, long maxBytes)
    {
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes;
        }
    }
}
