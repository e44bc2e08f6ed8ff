using System.Buffers.Binary;
using SmartCardCash.Emulator.Images;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Emulator.Tests.Images;

/// <summary>
/// The child process of the kill -9 test: opens a counter card image and increments it for ever, with random
/// emulated power losses, printing "ok N" after each acknowledged increment (that is, after the image was saved).
/// </summary>
internal static class HammerChild
{
    public const string Verb = "hammer";

    public static int Run(string directory, string name, ulong tearSeed)
    {
        var log = new ProbeLog();
        using StoredCard stored = new CardImageStore(directory).Open(name, TestCards.Catalog(log));
        EmulatedCard card = stored.Card;
        card.Tearing = tearSeed == 0 ? TearingPlan.Never : TearingPlan.Random(tearSeed, 0.02);
        Console.Out.WriteLine("ready");
        Console.Out.Flush();
        while (true)
        {
            try
            {
                if (!card.IsPowered)
                {
                    card.PowerOnAndSelectCounter();
                }
                ResponseApdu response = card.Send("8010040000");
                if (response.IsSuccess)
                {
                    Console.Out.WriteLine($"ok {BinaryPrimitives.ReadUInt32BigEndian(response.Data.Span)}");
                    Console.Out.Flush();
                }
            }
            catch (CardRemovedException)
            {
                Console.Out.WriteLine("tear");
                Console.Out.Flush();
            }
        }
    }
}
