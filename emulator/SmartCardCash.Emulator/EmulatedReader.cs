using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>
/// The PC/SC reader in front of an emulated card: what a host reaches the card through. A contactless reader answers
/// the PC/SC part 3 GET DATA pseudo-APDU (<c>FF CA P1 P2 Le</c>) itself; every other command goes to
/// <see cref="EmulatedCard.Transmit(ReadOnlySpan{byte})"/>. Both readers an emulated card sits in use this one
/// implementation: <see cref="EmulatedCardChannel"/> (in process: the scc commands, the tests, a remote payee) and
/// the vpcd bridge (pcscd's virtual reader).
/// </summary>
/// <remarks>
/// GET DATA is answered while the card is powered on its contactless interface: the UID for P1 = 00, the ATS
/// historical bytes for P1 = 01, 6A81 for another P1, 6B00 for P2 ≠ 00, 6700 with command data or extended length;
/// Le = 00 (or no Le) asks for everything, a shorter Le gets 6Cxx (xx = the length), a longer one the data and 6282.
/// The card never sees the command, so data it has pending for GET RESPONSE stays pending. On a contact interface
/// (and on an unpowered card) the command goes to the card like any other: CLA FF gets 6E00 there.
/// </remarks>
public static class EmulatedReader
{
    /// <summary>Sends one command through the reader; see <see cref="EmulatedCard.Transmit(ReadOnlySpan{byte})"/>.</summary>
    public static byte[] Transmit(EmulatedCard card, ReadOnlySpan<byte> command)
    {
        ArgumentNullException.ThrowIfNull(card);
        if (card.ActiveInterface != InterfaceProfile.Contactless || command.Length < 2 || command[0] != 0xFF || command[1] != 0xCA)
        {
            return card.Transmit(command);
        }
        byte[] response = GetData(card.Profile, command);
        if (card.Logger.IsEnabled(LogLevel.Trace))
        {
            EmulatorLog.Exchanged(card.Logger, Convert.ToHexString(command), Convert.ToHexString(response));
        }
        return response;
    }

    /// <summary>PC/SC part 3 GET DATA, as a contactless reader answers it.</summary>
    private static byte[] GetData(CardProfile profile, ReadOnlySpan<byte> raw)
    {
        if (!CommandApdu.TryParse(raw, out CommandApdu? command) || command is null || command.Nc != 0 || command.IsExtended)
        {
            return ResponseBytes.StatusOnly(StatusWord.WrongLength);
        }
        if (command.P2 != 0)
        {
            return ResponseBytes.StatusOnly(StatusWord.WrongP1P2);
        }
        ReadOnlySpan<byte> data = command.P1 switch
        {
            0x00 => profile.Uid.Span,
            0x01 => AnswerToReset.HistoricalBytes.Span,
            _ => [],
        };
        if (command.P1 > 0x01)
        {
            return ResponseBytes.StatusOnly(StatusWord.FunctionNotSupported);
        }
        // Le = 00 (or, leniently, no Le) asks for everything.
        int ne = command.Ne is 0 or 256 ? data.Length : command.Ne;
        if (ne < data.Length)
        {
            return ResponseBytes.StatusOnly(new StatusWord(0x6C, (byte)data.Length));
        }
        return ResponseBytes.Of(data, ne > data.Length ? StatusWord.EndOfFileReached : StatusWord.Success);
    }
}
