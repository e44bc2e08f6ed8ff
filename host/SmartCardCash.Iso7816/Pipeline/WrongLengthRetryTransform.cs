namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>
/// Handles 6Cxx (wrong Le, xx bytes available): sends the same command once more with Ne = xx (00 meaning 256) and
/// returns that second response, whatever it is.
/// </summary>
public sealed class WrongLengthRetryTransform : IApduTransform
{
    public ResponseApdu Invoke(CommandApdu command, Func<CommandApdu, ResponseApdu> next)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(next);

        ResponseApdu response = next(command);
        if (!response.StatusWord.IsWrongLe)
        {
            return response;
        }
        int exactLength = response.Sw2 == 0 ? CommandApdu.MaxShortExpectedLength : response.Sw2;
        return next(command.WithNe(exactLength));
    }
}
