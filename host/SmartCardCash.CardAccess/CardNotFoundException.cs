using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.CardAccess;

/// <summary>
/// No card answers to the address: no image with that name, no reader matching it, more than one reader matching it,
/// or no opener for its kind in this build. <see cref="ReaderUnavailableException.AvailableReaders"/> lists the
/// candidates there are (card names and readers).
/// </summary>
public sealed class CardNotFoundException(string message, IReadOnlyList<string>? candidates = null, Exception? innerException = null)
    : ReaderUnavailableException(message, candidates, innerException);
