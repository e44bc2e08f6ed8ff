using System.Globalization;
using SmartCardCash.Cli.Errors;

namespace SmartCardCash.Cli.Payments;

/// <summary>Durations on the command line: 90, 90s, 5m, 1h (seconds when no unit).</summary>
internal static class DurationInput
{
    public static TimeSpan? Parse(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }
        string trimmed = text.Trim().ToLowerInvariant();
        (string digits, double unit) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600),
            _ => (trimmed, 1),
        };
        if (!double.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || value <= 0)
        {
            throw new UsageException($"{option}: '{text}' is not a duration (90, 90s, 5m, 1h)");
        }
        return TimeSpan.FromSeconds(value * unit);
    }
}
