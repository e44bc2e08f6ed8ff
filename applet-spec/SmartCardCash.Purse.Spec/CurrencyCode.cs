using System.Buffers.Binary;
using System.Globalization;

namespace SmartCardCash.Purse.Spec;

/// <summary>
/// A currency as the card encodes it: the ISO 4217 numeric code in two BCD bytes, as EMV tag 5F2A (EUR = <c>09 78</c>).
/// Holds any 16-bit value so that malformed codes can be represented and refused; <see cref="IsValid"/> tells.
/// </summary>
public readonly record struct CurrencyCode(ushort Value)
{
    public const int Length = 2;

    /// <summary>True for a 3-digit BCD code 001–999: first nibble 0, every nibble a decimal digit, not 000.</summary>
    public bool IsValid =>
        Value != 0 && (Value >> 12) == 0 && ((Value >> 8) & 0xF) <= 9 && ((Value >> 4) & 0xF) <= 9 && (Value & 0xF) <= 9;

    /// <summary>The ISO 4217 numeric code (978 for EUR). Throws for an invalid code.</summary>
    public int Numeric => IsValid
        ? ((Value >> 8) & 0xF) * 100 + ((Value >> 4) & 0xF) * 10 + (Value & 0xF)
        : throw new InvalidOperationException($"{this} is not a BCD currency code.");

    public static CurrencyCode FromNumeric(int numeric)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(numeric, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(numeric, 999);
        return new CurrencyCode((ushort)((numeric / 100 << 8) | (numeric / 10 % 10 << 4) | (numeric % 10)));
    }

    public static CurrencyCode Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Length)
        {
            throw new PurseFormatException($"a currency code is {Length} bytes; got {bytes.Length}.");
        }
        return new CurrencyCode(BinaryPrimitives.ReadUInt16BigEndian(bytes));
    }

    public void WriteTo(Span<byte> destination) => BinaryPrimitives.WriteUInt16BigEndian(destination, Value);

    public byte[] ToArray()
    {
        var bytes = new byte[Length];
        WriteTo(bytes);
        return bytes;
    }

    /// <summary>The alpha code when the currency is known ("EUR"), else the 4 hex digits ("0999").</summary>
    public override string ToString() =>
        Currency.TryFromCode(this, out Currency? known) ? known.AlphaCode : Value.ToString("X4", CultureInfo.InvariantCulture);
}
