namespace SmartCardCash.Settlement.BankPurses;

/// <summary>The purse image key cannot be used: its file cannot be read, written or trusted, or a stored image does
/// not open with it. The message is one sentence that says which, and never shows the key.</summary>
public sealed class PurseImageKeyException(string message, Exception? innerException = null) : Exception(message, innerException);
