namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>
/// ISO/IEC 7816-4 command chaining: splits command data longer than the card accepts into a chain of commands.
/// Every command but the last has the chaining bit (CLA | 0x10) and no Le; the last has the original CLA and Ne.
/// </summary>
/// <remarks>
/// <para>When a command of the chain other than the last answers anything but 9000, the chain stops and that response
/// is returned.</para>
/// <para>Commands the caller already chains (CLA bit 0x10) and CLA FF (PC/SC reader commands) pass through untouched.</para>
/// <para>When the card does not support extended length, no extended APDU reaches it: data is chained in chunks of at
/// most 255 bytes, and Ne above 256 is lowered to 256 (Le = 00) so the rest arrives through 61xx and GET RESPONSE.</para>
/// </remarks>
public sealed class CommandChainingTransform : IApduTransform
{
    /// <summary>The chaining bit of an interindustry CLA byte.</summary>
    public const byte ChainingBit = 0x10;

    private readonly int _maxDataLength;
    private readonly bool _extendedLengthSupported;

    /// <param name="maxCommandDataLength">The most command data bytes the card accepts in one command (1 to 65535).
    /// Without extended length support, values above 255 act as 255.</param>
    /// <param name="extendedLengthSupported">Whether the card accepts extended length APDUs.</param>
    public CommandChainingTransform(int maxCommandDataLength = CommandApdu.MaxShortDataLength,
        bool extendedLengthSupported = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCommandDataLength, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxCommandDataLength, CommandApdu.MaxExtendedDataLength);
        _extendedLengthSupported = extendedLengthSupported;
        _maxDataLength = extendedLengthSupported
            ? maxCommandDataLength
            : Math.Min(maxCommandDataLength, CommandApdu.MaxShortDataLength);
    }

    public ResponseApdu Invoke(CommandApdu command, Func<CommandApdu, ResponseApdu> next)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(next);

        if (command.Cla == 0xFF || command.IsChained)
        {
            return next(command);
        }
        int ne = _extendedLengthSupported ? command.Ne : Math.Min(command.Ne, CommandApdu.MaxShortExpectedLength);
        if (command.Nc <= _maxDataLength)
        {
            bool mustShorten = command.IsExtended && !_extendedLengthSupported;
            return next(mustShorten ? Build(command, command.Cla, command.Data.Span, ne) : command);
        }

        ReadOnlySpan<byte> data = command.Data.Span;
        byte chainedCla = (byte)(command.Cla | ChainingBit);
        int offset = 0;
        while (data.Length - offset > _maxDataLength)
        {
            CommandApdu link = Build(command, chainedCla, data.Slice(offset, _maxDataLength), 0);
            ResponseApdu response = next(link);
            if (!response.IsSuccess)
            {
                return response;
            }
            offset += _maxDataLength;
        }
        return next(Build(command, command.Cla, data[offset..], ne));
    }

    private CommandApdu Build(CommandApdu original, byte cla, ReadOnlySpan<byte> data, int ne) =>
        new(cla, original.Ins, original.P1, original.P2, data, ne,
            _extendedLengthSupported ? ApduEncoding.Auto : ApduEncoding.Short);
}
