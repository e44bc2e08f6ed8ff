namespace SmartCardCash.Iso7816;

/// <summary>Bytes that are not valid BER-TLV. <see cref="Offset"/> is where decoding stopped.</summary>
public class TlvFormatException : SmartCardException
{
    public TlvFormatException(string message, int offset) : base($"{message} (at byte {offset})")
    {
        Offset = offset;
    }

    public int Offset { get; }
}
