namespace SmartCardCash.Emulator.Images;

/// <summary>Another process (or another open handle in this one) is using the card image.</summary>
public sealed class CardImageLockedException : IOException
{
    public CardImageLockedException(string cardName, string lockPath, Exception? innerException = null)
        : base($"card image '{cardName}' is in use by another emulator (lock file {lockPath}); close it there first",
            innerException)
    {
        CardName = cardName;
        LockPath = lockPath;
    }

    public string CardName { get; }

    public string LockPath { get; }
}
