namespace SmartCardCash.Iso7816.Errors;

/// <summary>Bytes that are not a valid APDU, or lengths that no APDU can carry.</summary>
public class ApduFormatException : SmartCardException
{
    public ApduFormatException(string message) : base(message)
    {
    }
}
