using CsCheck;

namespace SmartCardCash.Emulator.Vpcd.Tests.Bridge;

public sealed class TearDeciderTests
{
    [Fact]
    public void A_random_plan_is_a_function_of_its_seed()
    {
        Gen.Select(Gen.ULong, Gen.Double[0, 1], Gen.Int[1, 400]).Sample((seed, probability, commands) =>
        {
            VpcdTearing tearing = VpcdTearing.Random(seed, probability);
            VpcdTearDecider one = tearing.CreateDecider();
            VpcdTearDecider two = tearing.CreateDecider();
            for (int i = 0; i < commands; i++)
            {
                VpcdTearAction? a = one.Next();
                Assert.Equal(a, two.Next());
                if (a is { } action)
                {
                    Assert.Equal(VpcdTearPoint.DuringCommand, action.Point);
                    Assert.InRange(action.WriteIndex, 0, VpcdTearing.RandomWriteIndexRange - 1);
                }
            }
        });
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.5)]
    [InlineData(1.0)]
    public void A_random_plan_tears_about_the_given_share_of_commands(double probability)
    {
        const int Commands = 20_000;
        VpcdTearDecider decider = VpcdTearing.Random(42, probability, VpcdTearPoint.BeforeCommand).CreateDecider();

        int torn = Enumerable.Range(0, Commands).Count(_ => decider.Next() is not null);

        // Many standard deviations wide: a fixed seed either passes or fails, always the same way.
        Assert.InRange(torn / (double)Commands, probability - 0.03, probability + 0.03);
        if (probability is 0.0 or 1.0)
        {
            Assert.Equal(probability * Commands, torn);
        }
    }

    [Fact]
    public void Different_seeds_give_different_plans()
    {
        static string Pattern(ulong seed)
        {
            VpcdTearDecider decider = VpcdTearing.Random(seed, 0.5).CreateDecider();
            return string.Concat(Enumerable.Range(0, 64).Select(_ => decider.Next() is null ? '.' : 'x'));
        }

        Assert.NotEqual(Pattern(1), Pattern(2));
        Assert.Equal(Pattern(1), Pattern(1));
    }

    [Fact]
    public void At_command_N_tears_exactly_once_at_N()
    {
        VpcdTearDecider decider = VpcdTearing.AtCommand(5, VpcdTearPoint.DuringCommand, writeIndex: 2, bytesWritten: 1).CreateDecider();

        VpcdTearAction?[] decisions = Enumerable.Range(1, 12).Select(_ => decider.Next()).ToArray();

        Assert.Equal(new VpcdTearAction(VpcdTearPoint.DuringCommand, 2, 1), decisions[4]);
        Assert.Equal(11, decisions.Count(d => d is null));
    }

    [Fact]
    public void None_never_tears()
    {
        VpcdTearDecider decider = VpcdTearing.None.CreateDecider();

        Assert.All(Enumerable.Range(0, 100), _ => Assert.Null(decider.Next()));
    }

    [Fact]
    public void Invalid_tearing_is_refused_with_the_reason()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VpcdTearing.AtCommand(0, VpcdTearPoint.BeforeCommand));
        Assert.Throws<ArgumentOutOfRangeException>(() => VpcdTearing.AtCommand(1, VpcdTearPoint.DuringCommand, writeIndex: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => VpcdTearing.AtCommand(1, (VpcdTearPoint)9));
        ArgumentException point = Assert.Throws<ArgumentException>(() => VpcdTearing.AtCommand(1, VpcdTearPoint.BeforeCommand, writeIndex: 2));
        Assert.Contains("only applies to a tear during the command", point.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => VpcdTearing.Random(1, 1.5));
        Assert.Throws<ArgumentOutOfRangeException>(() => VpcdTearing.Random(1, double.NaN));
    }

    [Fact]
    public void Tearing_plans_describe_themselves()
    {
        Assert.Equal("tear before command 3", VpcdTearing.AtCommand(3, VpcdTearPoint.BeforeCommand).ToString());
        Assert.Equal("tear during command 2 at its write 4", VpcdTearing.AtCommand(2, VpcdTearPoint.DuringCommand, 4).ToString());
        Assert.Equal("tear during each command with probability 0.25 (seed 7)", VpcdTearing.Random(7, 0.25).ToString());
        Assert.Equal("no tearing", VpcdTearing.None.ToString());
    }
}
