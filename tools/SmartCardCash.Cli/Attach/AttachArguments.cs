using System.Globalization;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Emulator;
using SmartCardCash.Emulator.Vpcd;

namespace SmartCardCash.Cli.Attach;

/// <summary>
/// Reads the options of <c>scc emulator attach</c> into an <see cref="AttachPlan"/>. Every mistake is a
/// <see cref="UsageException"/> (exit 2) naming the option and the value, raised before any card is touched.
/// </summary>
internal static class AttachArguments
{
    public const string TearSyntax = "SLOT:before|during|after:COMMAND[:WRITE]";
    public const string TearRandomSyntax = "SLOT:SEED:PROBABILITY[:before|during|after]";
    public const string InterfaceSyntax = "SLOT:contactless|contact-t0|contact-t1";

    /// <param name="slots">The values of every --slot, in pairs: slot number, card.</param>
    public static AttachPlan Parse(IReadOnlyList<string> slots, IReadOnlyList<int> contactless, IReadOnlyList<string> interfaces,
        IReadOnlyList<string> tears, IReadOnlyList<string> randomTears, string? reinsertAfter, string host, int portBase,
        string connectTimeout)
    {
        if (slots.Count == 0 || slots.Count % 2 != 0)
        {
            throw new UsageException("give each card its slot: --slot 0 alice [--slot 1 bob …]");
        }
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new UsageException("--host: the vpcd host is empty");
        }
        var cards = new SortedDictionary<int, string>();
        for (int i = 0; i < slots.Count; i += 2)
        {
            int slot = SlotNumber(slots[i], "--slot");
            string card = CardName(slots[i + 1], slot);
            if (cards.TryGetValue(slot, out string? other))
            {
                throw new UsageException($"--slot: slot {slot} is given twice ({other} and {card})");
            }
            if (cards.FirstOrDefault(c => c.Value == card) is { Value: not null } same)
            {
                throw new UsageException($"--slot: card '{card}' is given for slots {same.Key} and {slot}: a card can be in one reader only");
            }
            cards[slot] = card;
        }
        if (portBase is < 1 or > 65535)
        {
            throw new UsageException($"--port-base: {portBase} is not a TCP port (1 to 65535)");
        }
        int highest = cards.Keys.Max();
        if (portBase + highest > 65535)
        {
            throw new UsageException($"--port-base: slot {highest} would use port {portBase + highest}, beyond 65535");
        }

        var profiles = new Dictionary<int, InterfaceProfile>();
        foreach (int slot in contactless)
        {
            SetInterface(profiles, cards, slot, InterfaceProfile.Contactless, "--contactless");
        }
        foreach (string value in interfaces)
        {
            string[] parts = value.Split(':');
            if (parts.Length != 2)
            {
                throw new UsageException($"--interface: '{value}' is not {InterfaceSyntax}");
            }
            InterfaceProfile profile = parts[1] switch
            {
                "contactless" => InterfaceProfile.Contactless,
                "contact-t0" => InterfaceProfile.ContactT0,
                "contact-t1" => InterfaceProfile.ContactT1,
                _ => throw new UsageException($"--interface: '{parts[1]}' is not contactless, contact-t0 or contact-t1"),
            };
            SetInterface(profiles, cards, SlotNumber(parts[0], "--interface"), profile, "--interface");
        }

        var tearings = new Dictionary<int, VpcdTearing>();
        foreach (string value in tears)
        {
            (int slot, VpcdTearing tearing) = Tear(value);
            SetTearing(tearings, cards, slot, tearing, "--tear");
        }
        foreach (string value in randomTears)
        {
            (int slot, VpcdTearing tearing) = RandomTear(value);
            SetTearing(tearings, cards, slot, tearing, "--tear-random");
        }

        TimeSpan? reinsert = reinsertAfter is null ? null : Duration(reinsertAfter, "--reinsert-after");
        TimeSpan timeout = Duration(connectTimeout, "--connect-timeout");
        if (timeout <= TimeSpan.Zero)
        {
            throw new UsageException("--connect-timeout: give vpcd some time to answer, e.g. 5s");
        }
        return new AttachPlan(host, portBase,
            [.. cards.Select(c => new SlotPlan(c.Key, c.Value, profiles.TryGetValue(c.Key, out var p) ? p : null,
                tearings.GetValueOrDefault(c.Key, VpcdTearing.None)))],
            reinsert, timeout);
    }

    /// <summary>"500ms", "1.5s", "2m", or a plain number of seconds.</summary>
    public static TimeSpan Duration(string text, string option)
    {
        string value = text.Trim();
        (string number, double scale) = value switch
        {
            _ when value.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (value[..^2], 0.001),
            _ when value.EndsWith('s') || value.EndsWith('S') => (value[..^1], 1.0),
            _ when value.EndsWith('m') || value.EndsWith('M') => (value[..^1], 60.0),
            _ => (value, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double amount)
            || amount * scale > TimeSpan.FromDays(1).TotalSeconds)
        {
            throw new UsageException($"{option}: '{text}' is not a duration such as 500ms, 1.5s or 2m");
        }
        return TimeSpan.FromSeconds(amount * scale);
    }

    private static int SlotNumber(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int slot) && slot <= 255
            ? slot
            : throw new UsageException($"{option}: '{text}' is not a slot number (0, 1, …)");

    private static string CardName(string text, int slot)
    {
        CardAddress address;
        try
        {
            address = CardAddress.Parse(text);
        }
        catch (FormatException e)
        {
            throw new UsageException($"--slot {slot}: {ErrorReporter.OneLine(e.Message)}");
        }
        if (address.Kind is not (CardAddressKind.Emulated or CardAddressKind.Unresolved))
        {
            throw new UsageException($"--slot {slot}: {text} is not an emulated card; give a card image's name or emu:NAME");
        }
        try
        {
            // A bare name must be a valid image name too.
            return CardAddress.Emulated(address.Target).Target;
        }
        catch (FormatException e)
        {
            throw new UsageException($"--slot {slot}: {ErrorReporter.OneLine(e.Message)}");
        }
    }

    private static void SetInterface(Dictionary<int, InterfaceProfile> profiles, SortedDictionary<int, string> cards, int slot,
        InterfaceProfile profile, string option)
    {
        RequireSlot(cards, slot, option);
        if (profiles.ContainsKey(slot))
        {
            throw new UsageException($"{option}: slot {slot} is given an interface twice");
        }
        profiles[slot] = profile;
    }

    private static void SetTearing(Dictionary<int, VpcdTearing> tearings, SortedDictionary<int, string> cards, int slot,
        VpcdTearing tearing, string option)
    {
        RequireSlot(cards, slot, option);
        if (tearings.ContainsKey(slot))
        {
            throw new UsageException($"{option}: slot {slot} is given two tearing plans; one per slot");
        }
        tearings[slot] = tearing;
    }

    private static void RequireSlot(SortedDictionary<int, string> cards, int slot, string option)
    {
        if (!cards.ContainsKey(slot))
        {
            throw new UsageException($"{option}: slot {slot} has no card (the slots are {string.Join(", ", cards.Keys)})");
        }
    }

    /// <summary>SLOT:before|during|after:COMMAND[:WRITE] — see <see cref="VpcdTearing.AtCommand"/>.</summary>
    private static (int Slot, VpcdTearing Tearing) Tear(string value)
    {
        string[] parts = value.Split(':');
        if (parts.Length is not (3 or 4))
        {
            throw new UsageException($"--tear: '{value}' is not {TearSyntax}");
        }
        int slot = SlotNumber(parts[0], "--tear");
        VpcdTearPoint point = Point(parts[1], "--tear");
        if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long command) || command < 1)
        {
            throw new UsageException($"--tear: '{parts[2]}' is not a command number (1 = the first command the slot receives)");
        }
        int write = 0;
        if (parts.Length == 4)
        {
            if (point != VpcdTearPoint.DuringCommand)
            {
                throw new UsageException($"--tear: '{value}': a write number only applies to a tear during a command");
            }
            if (!int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out write))
            {
                throw new UsageException($"--tear: '{parts[3]}' is not a write number (0 = the command's first persistent write)");
            }
        }
        return (slot, VpcdTearing.AtCommand(command, point, write));
    }

    /// <summary>SLOT:SEED:PROBABILITY[:POINT] — see <see cref="VpcdTearing.Random"/>; during a command by default.</summary>
    private static (int Slot, VpcdTearing Tearing) RandomTear(string value)
    {
        string[] parts = value.Split(':');
        if (parts.Length is not (3 or 4))
        {
            throw new UsageException($"--tear-random: '{value}' is not {TearRandomSyntax}");
        }
        int slot = SlotNumber(parts[0], "--tear-random");
        if (!ulong.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out ulong seed))
        {
            throw new UsageException($"--tear-random: '{parts[1]}' is not a seed (a whole number)");
        }
        if (!double.TryParse(parts[2], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double probability)
            || probability > 1.0)
        {
            throw new UsageException($"--tear-random: '{parts[2]}' is not a probability between 0 and 1");
        }
        VpcdTearPoint point = parts.Length == 4 ? Point(parts[3], "--tear-random") : VpcdTearPoint.DuringCommand;
        return (slot, VpcdTearing.Random(seed, probability, point));
    }

    private static VpcdTearPoint Point(string text, string option) => text switch
    {
        "before" => VpcdTearPoint.BeforeCommand,
        "during" => VpcdTearPoint.DuringCommand,
        "after" => VpcdTearPoint.AfterResponse,
        _ => throw new UsageException($"{option}: '{text}' is not before, during or after"),
    };
}
