using System.Globalization;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Cli.Cards;

/// <summary>
/// Crash testing: with <c>SCC_CRASH_BEFORE_APDU=N</c> the process kills itself (SIGKILL, nothing flushed or saved) just
/// before the N-th command APDU it sends to any card reaches that card; with <c>SCC_CRASH_AFTER_APDU=N</c>, just after
/// the card answered it (an emulated card has saved its image by then) and before scc reads the answer. Commands are
/// counted over every card of the run, GET RESPONSE included, in the order <c>--trace</c> shows them.
/// </summary>
/// <remarks>
/// A kill from outside lands wherever the scheduler lets it, often after the payment is over on a busy machine; these
/// two points are exact, so a tester (and our own kill -9 test) can stop a terminal at every step of a payment and
/// check what its recovery does with the cards it left behind.
/// </remarks>
internal sealed class CrashInjection
{
    public const string BeforeVariable = "SCC_CRASH_BEFORE_APDU";
    public const string AfterVariable = "SCC_CRASH_AFTER_APDU";

    private readonly int? _before;
    private readonly int? _after;
    private readonly Action _crash;
    private int _sent;

    private CrashInjection(int? before, int? after, Action crash)
    {
        _before = before;
        _after = after;
        _crash = crash;
    }

    public bool IsArmed => _before is not null || _after is not null;

    /// <exception cref="UsageException">A variable is set to something other than a whole number from 1.</exception>
    public static CrashInjection FromEnvironment(Func<string, string?> environment, Action crash) =>
        new(Parse(environment, BeforeVariable), Parse(environment, AfterVariable), crash);

    /// <summary><paramref name="channel"/> itself when nothing is armed; otherwise a channel that counts and crashes.</summary>
    public ICardChannel Watch(ICardChannel channel) => IsArmed ? new CrashingChannel(channel, this) : channel;

    private byte[] Transmit(ICardChannel card, ReadOnlySpan<byte> command)
    {
        int number = Interlocked.Increment(ref _sent);
        if (number == _before)
        {
            _crash();
        }
        byte[] response = card.Transmit(command);
        if (number == _after)
        {
            _crash();
        }
        return response;
    }

    private static int? Parse(Func<string, string?> environment, string variable)
    {
        string? text = environment(variable);
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int number) && number >= 1
            ? number
            : throw new UsageException($"{variable} must be a command number from 1 (as --trace counts them), not '{text}'");
    }

    /// <summary>The card's channel, unchanged but for the count; disposing it leaves the card to its connection.</summary>
    private sealed class CrashingChannel(ICardChannel card, CrashInjection plan) : ICardChannel
    {
        public string Name => card.Name;

        public ReadOnlyMemory<byte> Atr => card.Atr;

        public CardProtocol Protocol => card.Protocol;

        public byte[] Transmit(ReadOnlySpan<byte> command) => plan.Transmit(card, command);

        public void Dispose()
        {
        }
    }
}
