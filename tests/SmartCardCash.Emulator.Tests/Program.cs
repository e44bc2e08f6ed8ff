using SmartCardCash.Emulator.Tests.Images;

namespace SmartCardCash.Emulator.Tests;

/// <summary>
/// Entry point used only when the kill -9 test starts this assembly as a child process; the test runner never calls it.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 4 && args[0] == HammerChild.Verb)
        {
            return HammerChild.Run(args[1], args[2], ulong.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture));
        }
        Console.Error.WriteLine($"usage: {HammerChild.Verb} DIRECTORY CARD-NAME TEAR-SEED (used by the kill -9 test)");
        return 2;
    }
}
