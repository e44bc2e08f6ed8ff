using System.Globalization;
using SmartCardCash.BankService.Problems;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Ledger;

namespace SmartCardCash.BankService.Requests;

/// <summary>Each request field checked on its own, before anything is asked of the bank: a bad one is a 400 that names
/// it and says what it must be.</summary>
internal static class RequestFields
{
    /// <summary>The longest client request ID: short enough that the transfer IDs built on it fit.</summary>
    public const int MaxRequestIdLength = 100;

    public static T Required<T>(T? value, string field) where T : class =>
        value ?? throw ApiProblemException.BadRequest(field, $"{field} is missing.");

    /// <summary>The most one request may move, 10^15 minor units (ten trillion euros): far above any real payment, and far
    /// enough below <see cref="long.MaxValue"/> that no sum of a few of them overflows.</summary>
    public const long MaxAmount = 1_000_000_000_000_000;

    public static long Amount(long? value, string field = "amount") => value switch
    {
        null => throw ApiProblemException.BadRequest(field, $"{field} is missing: an integer number of minor units, more than 0."),
        <= 0 => throw ApiProblemException.BadRequest(field,
            $"{field} is {value.Value.ToString(CultureInfo.InvariantCulture)}; it must be more than 0 (an integer number of minor units)."),
        > MaxAmount => throw ApiProblemException.BadRequest(field,
            $"{field} is {value.Value.ToString(CultureInfo.InvariantCulture)}; one request moves at most {MaxAmount.ToString(CultureInfo.InvariantCulture)} minor units."),
        _ => value.Value,
    };

    public static Currency Currency(string? value, string field = "currency")
    {
        string text = Required(value, field);
        return Purse.Spec.Currency.Known.FirstOrDefault(c => c.AlphaCode == text) ?? throw ApiProblemException.BadRequest(field,
            $"{field} '{Printable(text)}' is not a currency the bank keeps ({string.Join(", ", Purse.Spec.Currency.Known.Select(c => c.AlphaCode))}).");
    }

    public static AccountId Account(string? value, string field = "account")
    {
        string text = Required(value, field);
        try
        {
            return new AccountId(text);
        }
        catch (ArgumentException e)
        {
            throw ApiProblemException.BadRequest(field, $"{field}: {e.Message.Replace(" (Parameter 'value')", "", StringComparison.Ordinal)}");
        }
    }

    /// <summary>A client's request ID: 1 to <see cref="MaxRequestIdLength"/> characters of an ID's alphabet.</summary>
    public static string RequestId(string? value, string field = "requestId")
    {
        string text = Required(value, field);
        if (text.Length > MaxRequestIdLength)
        {
            throw ApiProblemException.BadRequest(field, $"{field} is longer than {MaxRequestIdLength} characters.");
        }
        try
        {
            return new TransferId(text).Value;
        }
        catch (ArgumentException e)
        {
            throw ApiProblemException.BadRequest(field,
                $"{field}: {e.Message.Replace(" (Parameter 'value')", "", StringComparison.Ordinal).Replace("a transfer ID", "a request ID", StringComparison.Ordinal)}");
        }
    }

    /// <summary>Untrusted text as a problem may quote it: short, without control characters.</summary>
    public static string Printable(string text)
    {
        string clean = new([.. text.Take(40).Select(c => char.IsControl(c) ? '?' : c)]);
        return text.Length > 40 ? clean + "…" : clean;
    }
}
