using SmartCardCash.BankService.Problems;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.BankService.Requests;

/// <summary>The fields of the bank-purse, load and deposit requests, each a 400 naming its field when it is wrong.</summary>
internal static class PaymentFields
{
    /// <summary>The largest command APDU a purse takes, by far (a short APDU is at most 261 bytes).</summary>
    public const int MaxApduBytes = 1024;

    /// <summary>A purse ID: 16 hex digits, not all zero.</summary>
    public static PurseId Purse(string? value, string field)
    {
        string text = RequestFields.Required(value, field);
        if (text.Length != 2 * PurseId.Length || !text.All(char.IsAsciiHexDigit))
        {
            throw ApiProblemException.BadRequest(field, $"{field} '{RequestFields.Printable(text)}' is not a purse ID ({2 * PurseId.Length} hex digits).");
        }
        PurseId purse = PurseId.Parse(text);
        return purse != PurseId.None ? purse : throw ApiProblemException.BadRequest(field, $"{field} is the all-zero ID, which no purse has.");
    }

    /// <summary>A command APDU in hex: an even number of hex digits, 4 bytes (CLA INS P1 P2) at least.</summary>
    public static byte[] Apdu(string? value, string field = "command")
    {
        string text = RequestFields.Required(value, field);
        if (text.Length % 2 != 0 || !text.All(char.IsAsciiHexDigit))
        {
            throw ApiProblemException.BadRequest(field, $"{field} is not hex: an even number of hex digits (00A40400…).");
        }
        return text.Length / 2 is < 4 or > MaxApduBytes
            ? throw ApiProblemException.BadRequest(field, $"{field} is {text.Length / 2} bytes; a command APDU is 4 to {MaxApduBytes}.")
            : Convert.FromHexString(text);
    }

    /// <summary>A load's amount: what a purse can hold.</summary>
    public static long PurseAmount(long? value, string field = "amount")
    {
        long amount = RequestFields.Amount(value, field);
        return amount <= uint.MaxValue ? amount
            : throw ApiProblemException.BadRequest(field, $"{field} is {amount}; a purse holds at most {uint.MaxValue} minor units.");
    }
}
