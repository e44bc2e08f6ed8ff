using SmartCardCash.Purse;

namespace SmartCardCash.Payments.Tests.Wording;

/// <summary>What the scenarios do to cards: gate them as a listener would, fail or tamper with one instruction.</summary>
internal static class CardTricks
{
    public static PurseCard Gate(TestCard card) => PurseCard.Open(new GatedChannel(card.Channel), card.Name);

    /// <summary>Fails the next exchange of <paramref name="card"/> that carries <paramref name="instruction"/>.</summary>
    public static void FailAt(TestCard card, byte instruction, FaultKind kind)
    {
        Func<byte[], byte[]>? before = card.Channel.Rewrite;
        card.Channel.Rewrite = command =>
        {
            if (command[1] == instruction)
            {
                card.Channel.Rewrite = before;
                card.Channel.FailAt(-1, kind);   // this very exchange: it is already counted as sent
            }
            return before is null ? command : before(command);
        };
    }

    public static void FailAbort(TestCard card, FaultKind? kind)
    {
        if (kind is { } fault)
        {
            FailAt(card, PurseInstruction.Abort, fault);
        }
    }

    public static void Tamper(TestCard card, byte instruction, Func<byte[], byte[]> change, bool once)
    {
        card.Channel.Rewrite = command =>
        {
            if (command[1] != instruction)
            {
                return command;
            }
            if (once)
            {
                card.Channel.Rewrite = null;
            }
            return change(command);
        };
    }

    /// <summary>The value (tag 83, 4 bytes) one minor unit more.</summary>
    public static byte[] AnotherAmount(byte[] command)
    {
        for (int i = 5; i + 5 < command.Length; i++)
        {
            if (command[i] == 0x83 && command[i + 1] == 0x04)
            {
                command[i + 5]++;
                return command;
            }
        }
        throw new InvalidOperationException("no value in the command");
    }

    public static byte[] FlipSignature(byte[] command)
    {
        command[^3] ^= 0x01;
        return command;
    }
}
