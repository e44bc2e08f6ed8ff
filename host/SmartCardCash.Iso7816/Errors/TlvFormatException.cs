namespace SmartCardCash.Iso7816.Errors;

/// <summary>
/// Bytes that are not valid BER-TLV. <see cref="Offset"/> counts from the start of the parsed data and points at the
/// tag, length field or value that could not be decoded.
/// </summary>
public class TlvFormatException : SmartCardException
{
    public TlvFormatException(string message, int offset) : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    public int Offset { get; }
}
