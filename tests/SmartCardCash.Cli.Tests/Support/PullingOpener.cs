using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Payments;
using SmartCardCash.Emulator;

namespace SmartCardCash.Cli.Tests.Support;

/// <summary>
/// Opens emulated cards as usual, except that card <c>cardName</c> is pulled from its "reader" just before the first
/// command with <c>instruction</c> reaches it (it answers nothing after that, in this run).
/// </summary>
internal sealed class PullingOpener(EmulatedCardStore store, string cardName, byte instruction) : ICardOpener
{
    public CardConnection Open(CardAddress address)
    {
        CardConnection inner = store.Open(address.Target);
        if (address.Target != cardName)
        {
            return inner;
        }
        var channel = new RemovableChannel((EmulatedCardChannel)inner.Channel);
        channel.PullBefore(instruction);
        return new CardConnection(address, channel, inner.DisplayName, inner);
    }
}
