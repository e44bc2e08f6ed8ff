namespace SmartCardCash.Iso7816.Errors;

/// <summary>
/// Base of every error this toolkit raises about cards, readers and APDUs. <see cref="Exception.Message"/> is one
/// plain sentence a person can act on; the CLI prints it as is.
/// </summary>
public class SmartCardException : Exception
{
    public SmartCardException(string message) : base(message)
    {
    }

    public SmartCardException(string message, Exception? innerException) : base(message, innerException)
    {
    }

    /// <summary>The platform's own error code (for example SCARD_E_NO_SERVICE) when the error came from a native API.</summary>
    public long? NativeErrorCode { get; init; }
}
