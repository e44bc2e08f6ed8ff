namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>"Refused with this status word and nothing changed" — the most common assertion of this suite.</summary>
internal static class Refusals
{
    /// <summary>Sends <paramref name="command"/>, expects <paramref name="expected"/> and a byte-identical persistent memory.</summary>
    public static void AssertRefusedWithoutChange(PurseUnderTest purse, CommandApdu command, ushort expected)
    {
        byte[] before = purse.Snapshot();
        ResponseApdu response = purse.Send(command);
        Assert.True(response.StatusWord.Value == expected,
            $"{command} answered {response.StatusWord.ToDisplayString()}; expected {expected:X4}");
        Assert.True(response.Data.IsEmpty, "an error status word carries no data");
        AssertSameMemory(before, purse.Snapshot());
        purse.AssertNoInternalErrors();
    }

    public static void AssertRefusedWithoutChange(PurseUnderTest purse, CommandApdu command, StatusWord expected) =>
        AssertRefusedWithoutChange(purse, command, expected.Value);

    public static void AssertSameMemory(byte[] before, byte[] after)
    {
        int first = before.AsSpan().CommonPrefixLength(after);
        Assert.True(first == before.Length && before.Length == after.Length,
            $"persistent memory changed, first at offset {first}");
    }
}
