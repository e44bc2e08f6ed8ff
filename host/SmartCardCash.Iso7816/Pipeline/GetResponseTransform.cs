using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>
/// Collects response data the card holds back with 61xx: sends GET RESPONSE (INS C0, P1 = P2 = 00, Le = xx with
/// 00 meaning 256) while the card answers 61xx, and returns all data concatenated with the last status word.
/// </summary>
/// <remarks>
/// GET RESPONSE uses the command's CLA with the chaining bit (0x10) cleared: logical channel and secure-messaging
/// bits stay as they are (CLA FF, which never chains, is copied unchanged). A broken card that keeps answering 61xx
/// is stopped with <see cref="CardCommunicationException"/> once the data exceeds the configured maximum or a round
/// brings no data.
/// </remarks>
public sealed class GetResponseTransform : IApduTransform
{
    /// <summary>The instruction byte of GET RESPONSE.</summary>
    public const byte GetResponseIns = 0xC0;

    /// <summary>The default limit on collected response data: the largest extended Ne.</summary>
    public const int DefaultMaxResponseLength = CommandApdu.MaxExtendedExpectedLength;

    private readonly int _maxResponseLength;

    /// <param name="maxResponseLength">Most response bytes to collect before giving up on the card.</param>
    public GetResponseTransform(int maxResponseLength = DefaultMaxResponseLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxResponseLength, 1);
        _maxResponseLength = maxResponseLength;
    }

    public ResponseApdu Invoke(CommandApdu command, Func<CommandApdu, ResponseApdu> next)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(next);

        ResponseApdu response = next(command);
        if (!response.StatusWord.HasMoreData)
        {
            return response;
        }

        byte cla = command.Cla == 0xFF ? command.Cla : (byte)(command.Cla & ~0x10);
        var data = new List<byte>(response.Data.Length + 256);
        data.AddRange(response.Data.Span);
        while (response.StatusWord.HasMoreData)
        {
            int available = response.Sw2 == 0 ? CommandApdu.MaxShortExpectedLength : response.Sw2;
            if (data.Count + available > _maxResponseLength)
            {
                throw new CardCommunicationException(
                    $"the card offers more response data ({response.StatusWord}) after {data.Count} bytes, beyond the " +
                    $"limit of {_maxResponseLength}; it seems to be stuck in 61xx.");
            }
            response = next(new CommandApdu(cla, GetResponseIns, 0x00, 0x00, default, available));
            if (response.Data.IsEmpty && response.StatusWord.HasMoreData)
            {
                throw new CardCommunicationException(
                    $"GET RESPONSE returned no data but the card still answers {response.StatusWord}; it makes no progress.");
            }
            data.AddRange(response.Data.Span);
        }
        return new ResponseApdu(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(data), response.StatusWord);
    }
}
