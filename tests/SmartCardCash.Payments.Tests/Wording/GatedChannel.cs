using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Gates;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>
/// A payee card as a payer's terminal sees it behind a payee listener, in one process: what
/// <see cref="PayeeCommandGate"/> does not let through is answered 6900 and never reaches the card (no ABORT, no READ
/// LOG, no balances), everything else goes to the card as it is.
/// </summary>
internal sealed class GatedChannel(ICardChannel card) : ICardChannel
{
    private bool _selected;

    public string Name => card.Name;

    public ReadOnlyMemory<byte> Atr => card.Atr;

    public CardProtocol Protocol => card.Protocol;

    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        if (PayeeCommandGate.Check(command, _selected) is { } refused)
        {
            return [refused.Sw1, refused.Sw2];
        }
        byte[] response = card.Transmit(command);
        if (command.Length > 1 && command[1] == PurseInstruction.Select)
        {
            _selected = response.Length >= 2 && response[^2] is 0x90 or 0x61;
        }
        return response;
    }

    public void Dispose()
    {
    }
}
