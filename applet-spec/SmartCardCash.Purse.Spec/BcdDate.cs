using System.Globalization;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// A date as the card encodes it: 3 bytes BCD <c>YY MM DD</c>, years 2000–2099 (spec 2.1). Holds any 3 bytes so that a
/// malformed date can be represented and refused; <see cref="IsValid"/> tells. Dates compare as their encodings do, which
/// for valid dates is calendar order.
/// </summary>
public readonly record struct BcdDate : IComparable<BcdDate>
{
    public const int Length = 3;

    /// <summary><c>00 00 00</c>: the trusted date of a purse that has verified no certificate yet.</summary>
    public static readonly BcdDate Unset = new(0);

    private BcdDate(int packed)
    {
        Packed = packed;
    }

    /// <summary>The 3 bytes as a big-endian integer (<c>25 06 01</c> → 0x250601).</summary>
    public int Packed { get; }

    public bool IsValid
    {
        get
        {
            if (!IsBcdByte(Packed >> 16) || !IsBcdByte(Packed >> 8) || !IsBcdByte(Packed))
            {
                return false;
            }
            int year = 2000 + FromBcd(Packed >> 16), month = FromBcd(Packed >> 8), day = FromBcd(Packed);
            return month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        }
    }

    public static BcdDate FromDate(DateOnly date)
    {
        if (date.Year is < 2000 or > 2099)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "card dates cover the years 2000 to 2099.");
        }
        return new BcdDate((ToBcd(date.Year - 2000) << 16) | (ToBcd(date.Month) << 8) | ToBcd(date.Day));
    }

    public static BcdDate FromDate(int year, int month, int day) => FromDate(new DateOnly(year, month, day));

    public static BcdDate Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new PurseFormatException($"a date is {Length} bytes; got {bytes.Length}.");
        }
        return new BcdDate((bytes[0] << 16) | (bytes[1] << 8) | bytes[2]);
    }

    /// <summary>Parses "YYMMDD" hex digits as on the card ("250601").</summary>
    public static BcdDate Parse(string hex) => Read(Hex.Decode(hex));

    public DateOnly ToDate() => IsValid
        ? new DateOnly(2000 + FromBcd(Packed >> 16), FromBcd(Packed >> 8), FromBcd(Packed))
        : throw new InvalidOperationException($"{this} is not a valid BCD date.");

    public void WriteTo(Span<byte> destination)
    {
        destination[0] = (byte)(Packed >> 16);
        destination[1] = (byte)(Packed >> 8);
        destination[2] = (byte)Packed;
    }

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    public int CompareTo(BcdDate other) => Packed.CompareTo(other.Packed);

    public static bool operator <(BcdDate left, BcdDate right) => left.Packed < right.Packed;
    public static bool operator >(BcdDate left, BcdDate right) => left.Packed > right.Packed;
    public static bool operator <=(BcdDate left, BcdDate right) => left.Packed <= right.Packed;
    public static bool operator >=(BcdDate left, BcdDate right) => left.Packed >= right.Packed;

    /// <summary>"2025-06-01" for a valid date, the raw hex otherwise.</summary>
    public override string ToString() => IsValid
        ? ToDate().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : Packed.ToString("X6", CultureInfo.InvariantCulture);

    private static bool IsBcdByte(int value) => ((value >> 4) & 0xF) <= 9 && (value & 0xF) <= 9;

    private static int FromBcd(int value) => ((value >> 4) & 0xF) * 10 + (value & 0xF);

    private static int ToBcd(int value) => ((value / 10) << 4) | (value % 10);
}
