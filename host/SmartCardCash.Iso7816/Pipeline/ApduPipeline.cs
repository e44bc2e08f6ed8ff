using Microsoft.Extensions.Logging;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>
/// The transmit path from a logical command to the card's complete response, built from small transforms over an
/// <see cref="ICardChannel"/>. Outer to inner:
/// custom transforms (secure messaging) → command chaining → GET RESPONSE → 6Cxx resend → trace → channel.
/// </summary>
/// <remarks>
/// <para>Because the trace is innermost it logs every physical exchange, and because chaining is outside GET RESPONSE
/// a 61xx answer to any command of a chain is collected before the chain goes on.</para>
/// <para>Not thread-safe, like the channel under it. The pipeline does not own the channel and does not dispose it.</para>
/// </remarks>
public sealed class ApduPipeline : IApduTransmitter
{
    private readonly Func<CommandApdu, ResponseApdu> _send;

    /// <param name="channel">The card channel to send through.</param>
    /// <param name="options">Which transforms to use; read once, here. Null means the defaults.</param>
    /// <param name="logger">Receives the APDU trace (see <see cref="ApduTraceTransform"/>); null means no trace.</param>
    public ApduPipeline(ICardChannel channel, ApduPipelineOptions? options = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(channel);
        options ??= new ApduPipelineOptions();
        Channel = channel;

        var transforms = new List<IApduTransform>(options.CustomTransforms);
        if (options.CommandChaining)
        {
            transforms.Add(new CommandChainingTransform(options.MaxCommandDataLength, options.ExtendedLengthSupported));
        }
        if (options.AutoGetResponse)
        {
            transforms.Add(new GetResponseTransform(options.MaxResponseLength));
        }
        if (options.ResendOnWrongLength)
        {
            transforms.Add(new WrongLengthRetryTransform());
        }
        if (logger is not null)
        {
            transforms.Add(new ApduTraceTransform(logger, channel.Name, options.Trace));
        }
        Transforms = transforms.AsReadOnly();

        Func<CommandApdu, ResponseApdu> send = Exchange;
        for (int i = transforms.Count - 1; i >= 0; i--)
        {
            IApduTransform transform = transforms[i];
            Func<CommandApdu, ResponseApdu> inner = send;
            send = command => transform.Invoke(command, inner);
        }
        _send = send;
    }

    /// <summary>The channel commands go through.</summary>
    public ICardChannel Channel { get; }

    /// <summary>The transforms in use, outermost first.</summary>
    public IReadOnlyList<IApduTransform> Transforms { get; }

    /// <inheritdoc />
    public ResponseApdu Transmit(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return _send(command);
    }

    private ResponseApdu Exchange(CommandApdu command)
    {
        byte[] response = Channel.Transmit(command.ToBytes());
        if (response is null || response.Length < 2)
        {
            string received = response is null || response.Length == 0
                ? "nothing"
                : $"only {response.Length} byte ({Convert.ToHexString(response)})";
            throw new CardCommunicationException(
                $"{Channel.Name} returned {received} where a response needs at least the 2-byte status word.");
        }
        return ResponseApdu.Parse(response);
    }
}
