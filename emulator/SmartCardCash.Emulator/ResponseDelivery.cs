using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>
/// How a card's answer reaches the host: never more data than Ne; the rest kept and announced with 61xx, then
/// handed out by GET RESPONSE. On T=0 a case 4 command carries no Le on the wire (ISO 7816-3 12.2.3), so its data
/// always comes back that way. The pending data is transient: lost at power-off.
/// </summary>
internal sealed class ResponseDelivery
{
    private PendingResponse? _pending;

    /// <summary>Takes the pending data away: every command discards it, except the GET RESPONSE errors that put it back.</summary>
    public PendingResponse? Take()
    {
        PendingResponse? pending = _pending;
        _pending = null;
        return pending;
    }

    public void Clear() => _pending = null;

    /// <summary>The answer to <paramref name="command"/>, sent on <paramref name="active"/>.</summary>
    public byte[] Deliver(ReadOnlySpan<byte> data, StatusWord status, CommandApdu command, InterfaceProfile active)
    {
        // T=0 carries no Le for case 4 (ISO 7816-3 12.2.3): the data can only come back through 61xx and GET RESPONSE.
        bool case4 = command.Case is ApduCase.Case4Short or ApduCase.Case4Extended;
        int ne = active == InterfaceProfile.ContactT0 && case4 ? 0 : command.Ne;
        return Deliver(data, status, ne, command.Cla);
    }

    /// <summary>
    /// GET RESPONSE (<c>00 C0 00 00 Le</c>): the next Le bytes of <paramref name="pending"/>, then 61xx again or the
    /// final status word. P1P2 ≠ 0000 → 6A86 and no Le or data → 6700, both keeping the pending data; nothing
    /// pending → 6985.
    /// </summary>
    public byte[] GetResponse(CommandApdu command, PendingResponse? pending)
    {
        if (command.P1 != 0 || command.P2 != 0)
        {
            _pending = pending;
            return ResponseBytes.StatusOnly(StatusWord.IncorrectP1P2);
        }
        if (command.Nc != 0 || command.Ne == 0)
        {
            _pending = pending;
            return ResponseBytes.StatusOnly(StatusWord.WrongLength);
        }
        if (pending is null)
        {
            return ResponseBytes.StatusOnly(StatusWord.ConditionsOfUseNotSatisfied);
        }
        return Deliver(pending.Remaining, pending.FinalStatus, command.Ne, pending.Cla);
    }

    private byte[] Deliver(ReadOnlySpan<byte> data, StatusWord status, int ne, byte cla)
    {
        if (data.Length <= ne || data.IsEmpty)
        {
            return ResponseBytes.Of(data, status);
        }
        byte[] remaining = data[ne..].ToArray();
        _pending = new PendingResponse(remaining, status, (byte)(cla & ~0x10));
        var more = new StatusWord(0x61, remaining.Length >= 256 ? (byte)0 : (byte)remaining.Length);
        byte[] response = ResponseBytes.Of(data[..ne], more);
        Invariant.Holds(response.Length - 2 <= Math.Max(ne, 0), "response data never exceeds Ne");
        return response;
    }
}
