namespace SmartCardCash.Emulator.Vpcd;

/// <summary>The vpcd connection broke a rule of the protocol (for example it ended in the middle of a frame).</summary>
public sealed class VpcdProtocolException : IOException
{
    public VpcdProtocolException(string message) : base(message)
    {
    }

    public VpcdProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
