using System.CommandLine;
using SmartCardCash.Cli.Errors;
using SmartCardCash.Cli.Input;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Cards;

/// <summary>
/// The options that say what a new purse is (class, currencies, lock code, tries, limits), shared by
/// <c>scc card new</c> and <c>scc card personalise</c>, and their reading into a <see cref="PersonalisationRequest"/>.
/// </summary>
internal sealed class PersonalisationOptions
{
    public Option<string> Class { get; } = new("--class")
    {
        Description = "customer, merchant or bank (only bank purses take minted value).",
        HelpName = "class",
        Required = true,
    };

    public Option<string[]> Currency { get; } = new("--currency")
    {
        Description = "The pockets, 1 to 5 currencies: EUR or EUR,GBP (or the option repeated).",
        HelpName = "codes",
        Required = true,
    };

    public Option<string?> LockCode { get; } = new("--lock-code")
    {
        Description = $"The purse's lock code (4 to 8 digits), or - to read it from standard input. Default: " +
            $"{LockCodeInput.Variable}, else a hidden prompt, asked twice.",
        HelpName = "code",
    };

    public Option<int> Tries { get; } = NumberOption.InRange(new Option<int>("--tries")
    {
        Description = $"Wrong lock codes allowed before the code blocks ({PurseConstants.MinLockCodeTries} to {PurseConstants.MaxLockCodeTries}).",
        DefaultValueFactory = _ => 3,
    }, PurseConstants.MinLockCodeTries, PurseConstants.MaxLockCodeTries);

    public Option<string[]> MaxBalance { get; } = LimitOption("--max-balance", "The most a pocket may hold",
        "customer 500.00, merchant 50000.00, bank the 32-bit maximum");

    public Option<string[]> TransactionLimit { get; } = LimitOption("--transaction-limit", "The largest single transfer",
        "customer 200.00, merchant 20000.00, bank the 32-bit maximum");

    public Option<string[]> ContactlessLimit { get; } = LimitOption("--contactless-limit",
        "The largest contactless payment without the lock code", "customer and merchant 50.00, bank 0");

    public IEnumerable<Option> All => [Class, Currency, LockCode, Tries, MaxBalance, TransactionLimit, ContactlessLimit];

    /// <summary>
    /// Reads and checks everything, then runs <paramref name="beforeLockCode"/> (which loads the issuer, so that a missing
    /// issuer is reported before anyone is asked to type a lock code), then reads the lock code.
    /// </summary>
    public PersonalisationRequest Read(ParseResult parseResult, CliContext context, Action beforeLockCode)
    {
        PurseClass purseClass = parseResult.GetValue(Class) switch
        {
            "customer" => PurseClass.Customer,
            "merchant" => PurseClass.Merchant,
            "bank" => PurseClass.Bank,
            var other => throw new UsageException($"--class: '{other}' is not customer, merchant or bank"),
        };
        IReadOnlyList<Purse.Spec.Currency> currencies = MoneyInput.Currencies(parseResult.GetValue(Currency) ?? []);
        int tries = parseResult.GetValue(Tries);
        var maximum = Limits(parseResult.GetValue(MaxBalance), currencies, "--max-balance");
        var transaction = Limits(parseResult.GetValue(TransactionLimit), currencies, "--transaction-limit");
        var contactless = Limits(parseResult.GetValue(ContactlessLimit), currencies, "--contactless-limit");
        var pockets = currencies.Select(c => Pocket(purseClass, c, maximum, transaction, contactless)).ToList();
        beforeLockCode();
        string code = new LockCodeInput(context).ReadNew(parseResult.GetValue(LockCode), "--lock-code", LockCodeInput.Variable);
        return new PersonalisationRequest(purseClass, pockets, code, tries);
    }

    /// <summary>
    /// Defaults (<see cref="PurseLimitDefaults"/>) where nothing was given; a default above a given lower limit comes
    /// down to it, while limits given that contradict each other are refused.
    /// </summary>
    private static PocketLimits Pocket(PurseClass purseClass, Purse.Spec.Currency currency, Dictionary<CurrencyCode, uint> maximum,
        Dictionary<CurrencyCode, uint> transaction, Dictionary<CurrencyCode, uint> contactless)
    {
        PocketLimits defaults = PurseLimitDefaults.For(purseClass, currency.Code);
        bool hasMax = maximum.TryGetValue(currency.Code, out uint max);
        bool hasTx = transaction.TryGetValue(currency.Code, out uint tx);
        bool hasCl = contactless.TryGetValue(currency.Code, out uint cl);
        max = hasMax ? max : Math.Max(defaults.MaximumBalance, Math.Max(hasTx ? tx : 0, hasCl ? cl : 0));
        tx = hasTx ? tx : Math.Max(Math.Min(defaults.TransactionLimit, max), hasCl ? cl : 0);
        cl = hasCl ? cl : Math.Min(defaults.ContactlessLimit, tx);
        var limits = new PocketLimits(currency.Code, max, tx, cl);
        if (!limits.AreConsistent)
        {
            throw new UsageException($"{currency.AlphaCode} limits must keep contactless ≤ transaction ≤ maximum balance, but " +
                Conflict(currency, (hasCl, cl, "--contactless-limit"), (hasTx, tx, "--transaction-limit"), (hasMax, max, "--max-balance")));
        }
        return limits;
    }

    /// <summary>
    /// Which two limits the user gave contradict each other: "--transaction-limit 20.00 is above --max-balance 10.00".
    /// The defaults give way to every limit given (above), so two given limits are always the ones that clash; a
    /// default is never shown as if the user had chosen it.
    /// </summary>
    private static string Conflict(Purse.Spec.Currency currency, params (bool Given, uint Value, string Option)[] lowestFirst)
    {
        for (int low = 0; low < lowestFirst.Length; low++)
        {
            for (int high = low + 1; high < lowestFirst.Length; high++)
            {
                var (lower, higher) = (lowestFirst[low], lowestFirst[high]);
                if (lower.Given && higher.Given && lower.Value > higher.Value)
                {
                    return $"{lower.Option} {Money.Of(currency, lower.Value).AmountText} is above " +
                        $"{higher.Option} {Money.Of(currency, higher.Value).AmountText}";
                }
            }
        }
        throw new InvalidOperationException(
            $"{currency.AlphaCode} limits from defaults contradict each other: {string.Join(", ", lowestFirst.Select(l => $"{l.Option} {l.Value}"))}");
    }

    /// <summary>"500.00" applies to every currency; "EUR=500.00" to one.</summary>
    private static Dictionary<CurrencyCode, uint> Limits(string[]? values, IReadOnlyList<Purse.Spec.Currency> currencies, string option)
    {
        var limits = new Dictionary<CurrencyCode, uint>();
        foreach (string value in values ?? [])
        {
            int equals = value.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                foreach (Purse.Spec.Currency currency in currencies)
                {
                    limits[currency.Code] = MoneyInput.Limit(value, currency, option);
                }
                continue;
            }
            Purse.Spec.Currency one = MoneyInput.Currency(value[..equals]);
            if (!currencies.Contains(one))
            {
                throw new UsageException($"{option}: {one.AlphaCode} is not one of the card's currencies");
            }
            limits[one.Code] = MoneyInput.Limit(value[(equals + 1)..], one, option);
        }
        return limits;
    }

    private static Option<string[]> LimitOption(string name, string what, string defaults) => new(name)
    {
        Description = $"{what}, in major units: AMOUNT for every currency, or CODE=AMOUNT for one (repeatable). " +
            $"Default: {defaults} (100 times that in JPY, KRW, ISK).",
        HelpName = "amount",
    };
}
