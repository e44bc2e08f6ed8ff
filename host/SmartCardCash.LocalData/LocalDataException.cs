namespace SmartCardCash.LocalData;

/// <summary>
/// A local file SmartCardCash relies on is missing, unreadable, corrupt or in use by another process (the issuer's key,
/// a card image). The message says which and what to do about it.
/// </summary>
public class LocalDataException : Exception
{
    public LocalDataException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
