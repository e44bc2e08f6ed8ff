using SmartCardCash.Iso7816;

namespace SmartCardCash.CardAccess;

/// <summary>
/// The PC/SC readers a program may use, and connections to their cards. <see cref="PcscCardSource"/> is the one over
/// PC/SC (real or faked below it, at <see cref="Pcsc.Interop.IPcscApi"/>); the interface lets a test of
/// <see cref="CardOpener"/> stand in for readers altogether.
/// </summary>
public interface IPcscCardSource
{
    /// <summary>The names of the readers there are (after any filtering the program applies); empty when none.</summary>
    /// <exception cref="Iso7816.Errors.CardServiceUnavailableException">The PC/SC service is not running.</exception>
    IReadOnlyList<string> ListReaders();

    /// <summary>
    /// Connects to the card in <paramref name="readerName"/> (shared, T=0 or T=1) and begins a PC/SC transaction, so
    /// no other program interleaves commands (and so clears the purse's session state). Disposing the channel ends the
    /// transaction and disconnects.
    /// </summary>
    ICardChannel Connect(string readerName);
}
