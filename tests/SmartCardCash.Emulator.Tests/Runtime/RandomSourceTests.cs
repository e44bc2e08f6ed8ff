namespace SmartCardCash.Emulator.Tests.Runtime;

public sealed class RandomSourceTests
{
    [Fact]
    public void The_deterministic_random_repeats_for_a_seed_and_differs_between_seeds()
    {
        var first = new byte[100];
        var second = new byte[100];
        var other = new byte[100];
        new DeterministicCardRandom(7).Fill(first);
        var split = new DeterministicCardRandom(7);
        split.Fill(second.AsSpan(0, 33));
        split.Fill(second.AsSpan(33));
        new DeterministicCardRandom(8).Fill(other);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_deterministic_random_is_sha256_in_counter_mode()
    {
        var bytes = new byte[32];
        new DeterministicCardRandom([1, 2, 3]).Fill(bytes);
        byte[] expected = System.Security.Cryptography.SHA256.HashData([1, 2, 3, 0, 0, 0, 0, 0, 0, 0, 0]);
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void The_system_random_fills_the_buffer()
    {
        var bytes = new byte[64];
        SystemCardRandom.Instance.Fill(bytes);
        Assert.Contains(bytes, b => b != 0);
    }
}
