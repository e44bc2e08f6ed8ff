using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace SmartCardCash.Iso7816.Pipeline;

/// <summary>
/// Logs every exchange with the card as a readable, timed trace. In <see cref="ApduPipeline"/> it is the innermost
/// step, so it shows each physical command: GET RESPONSE rounds, 6Cxx resends and chained commands included.
/// </summary>
/// <remarks>
/// <para>Two entries per exchange, at <see cref="ApduTraceOptions.Level"/> (Debug by default):</para>
/// <code>
/// → 00 A4 04 00 07  A0 00 00 08 70 01 01  (case 4 short, Le=256)  [ACS ACR122U 00 00]
/// ← 6F 10 84 08 A0 00 00 08 70 01 01 00  9000 success  (3.2 ms)
/// </code>
/// <para>The command line shows header and Lc, then the data; Le is spelled out in the summary. Data longer than
/// <see cref="ApduTraceOptions.MaxDataBytes"/> is cut, with the count of hidden bytes. Command data of
/// <see cref="ApduTraceOptions.RedactedInstructions"/> shows as <c>** redacted (N bytes) **</c>.</para>
/// <para>When the exchange throws (card removed, reader error), a ✗ entry with the exception type, message and
/// elapsed time is logged at the same level and the exception is rethrown unchanged.</para>
/// </remarks>
public sealed class ApduTraceTransform : IApduTransform
{
    private readonly ILogger _logger;
    private readonly string _channelName;
    private readonly LogLevel _level;
    private readonly ApduTraceFormatter _formatter;

    /// <param name="logger">Where the trace goes.</param>
    /// <param name="channelName">Shown on each command line, normally <see cref="ICardChannel.Name"/>.</param>
    /// <param name="options">Copied when the transform is created; later changes have no effect.</param>
    public ApduTraceTransform(ILogger logger, string channelName, ApduTraceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(channelName);
        options ??= new ApduTraceOptions();
        _logger = logger;
        _channelName = channelName;
        _level = options.Level;
        _formatter = new ApduTraceFormatter(options.RedactedInstructions, options.MaxDataBytes);
    }

    public ResponseApdu Invoke(CommandApdu command, Func<CommandApdu, ResponseApdu> next)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(next);

        if (!_logger.IsEnabled(_level))
        {
            return next(command);
        }

        ApduTraceLog.Command(_logger, _level, _formatter.FormatCommand(command), ApduTraceFormatter.Summarize(command),
            _channelName);
        long started = Stopwatch.GetTimestamp();
        ResponseApdu response;
        try
        {
            response = next(command);
        }
        catch (Exception e)
        {
            // Logged without the exception object: the caller gets it rethrown and reports it; the trace only needs the story.
            ApduTraceLog.Failure(_logger, _level, e.GetType().Name, e.Message,
                ApduTraceFormatter.FormatElapsed(Stopwatch.GetElapsedTime(started)), _channelName);
            throw;
        }
        ApduTraceLog.Response(_logger, _level, _formatter.FormatResponse(response),
            ApduTraceFormatter.FormatElapsed(Stopwatch.GetElapsedTime(started)));
        return response;
    }
}
