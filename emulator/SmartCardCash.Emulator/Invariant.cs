using System.Runtime.CompilerServices;

namespace SmartCardCash.Emulator;

/// <summary>
/// Always-on assertions (in the manner of TigerBeetle's): unlike <see cref="System.Diagnostics.Debug.Assert(bool)"/>
/// they run in release builds too, and they throw so that a broken invariant fails a test instead of a log line.
/// </summary>
internal static class Invariant
{
    public static void Holds(bool condition, string message,
        [CallerArgumentExpression(nameof(condition))] string? expression = null)
    {
        if (!condition)
        {
            throw new EmulatorInvariantException($"{message} ({expression})");
        }
    }
}
