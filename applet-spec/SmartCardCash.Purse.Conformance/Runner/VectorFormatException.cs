namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>The vector file itself is wrong (unknown variable, bad hex, impossible APDU): not the card's fault.</summary>
public sealed class VectorFormatException : Exception
{
    public VectorFormatException(string message) : base(message)
    {
    }
}
