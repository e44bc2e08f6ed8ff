namespace SmartCardCash.Iso7816.Errors;

/// <summary>
/// The reader asked for is not there: unknown name, unplugged, or no reader at all. <see cref="AvailableReaders"/>
/// lists the readers that do exist so the message can help.
/// </summary>
public class ReaderUnavailableException : SmartCardException
{
    public ReaderUnavailableException(string message, IReadOnlyList<string>? availableReaders = null,
        Exception? innerException = null) : base(message, innerException)
    {
        AvailableReaders = availableReaders ?? [];
    }

    public IReadOnlyList<string> AvailableReaders { get; }
}
