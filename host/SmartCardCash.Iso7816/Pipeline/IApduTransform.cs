namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>
/// One step of the transmit path in <see cref="ApduPipeline"/>. A transform may change the command, send any number
/// of commands through <c>next</c>, and combine or change the responses.
/// </summary>
/// <example>A transform that does nothing: <c>return next(command);</c></example>
public interface IApduTransform
{
    /// <param name="command">The command coming from the outer step (or the caller).</param>
    /// <param name="next">Sends a command through the inner steps down to the card.</param>
    ResponseApdu Invoke(CommandApdu command, Func<CommandApdu, ResponseApdu> next);
}
