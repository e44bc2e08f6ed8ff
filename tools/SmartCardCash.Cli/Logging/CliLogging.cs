using Microsoft.Extensions.Logging;

namespace SmartCardCash.Cli.Logging;

/// <summary>
/// The loggers of one run, all writing to stderr: the APDU trace (category "apdu", on with --trace) and the PC/SC
/// library's diagnostics (category "pcsc", on with --verbose). Without those options nothing is logged, so an error
/// stays one line.
/// </summary>
internal static class CliLogging
{
    public const string TraceCategory = "apdu";
    public const string PcscCategory = "pcsc";

    public static ILoggerFactory Create(OutputSettings settings, CliContext context) =>
        LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(LogLevel.Trace);
            builder.AddFilter((category, level) => level >= LogLevel.Debug &&
                (category == TraceCategory ? settings.Trace : settings.Verbose));
            builder.AddProvider(new StderrLoggerProvider(context.Stderr, context.Time));
        });
}
