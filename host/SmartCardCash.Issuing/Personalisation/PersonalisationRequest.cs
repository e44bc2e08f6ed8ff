using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Personalisation;

/// <summary>
/// What a new purse is to be: its class, one pocket per currency with its limits (in certificate order), its lock code
/// and how many wrong codes it allows.
/// </summary>
public sealed record PersonalisationRequest
{
    public PersonalisationRequest(PurseClass purseClass, IReadOnlyList<PocketLimits> pockets, string lockCode, int lockCodeTries = 3)
    {
        ArgumentNullException.ThrowIfNull(pockets);
        ArgumentNullException.ThrowIfNull(lockCode);
        if (!PurseClassRules.IsPurseClass(purseClass))
        {
            throw new ArgumentOutOfRangeException(nameof(purseClass), purseClass, "a purse is a customer, merchant or bank purse.");
        }
        if (pockets.Count is 0 or > PurseConstants.MaxPockets)
        {
            throw new ArgumentException($"a purse has 1 to {PurseConstants.MaxPockets} pockets.", nameof(pockets));
        }
        if (pockets.Select(p => p.Currency).Distinct().Count() != pockets.Count)
        {
            throw new ArgumentException("each currency gets one pocket.", nameof(pockets));
        }
        PocketLimits? inconsistent = pockets.FirstOrDefault(p => !p.AreConsistent);
        if (inconsistent is not null)
        {
            throw new ArgumentException(
                $"{inconsistent.Currency} limits must keep contactless ≤ transaction ≤ maximum balance.", nameof(pockets));
        }
        if (!Purse.Spec.LockCode.IsValid(System.Text.Encoding.ASCII.GetBytes(lockCode)))
        {
            throw new ArgumentException(
                $"a lock code is {PurseConstants.MinLockCodeLength} to {PurseConstants.MaxLockCodeLength} digits.", nameof(lockCode));
        }
        if (lockCodeTries is < PurseConstants.MinLockCodeTries or > PurseConstants.MaxLockCodeTries)
        {
            throw new ArgumentOutOfRangeException(nameof(lockCodeTries), lockCodeTries,
                $"lock-code tries are {PurseConstants.MinLockCodeTries} to {PurseConstants.MaxLockCodeTries}.");
        }
        Class = purseClass;
        Pockets = [.. pockets];
        LockCode = lockCode;
        LockCodeTries = lockCodeTries;
    }

    public PurseClass Class { get; }

    public IReadOnlyList<PocketLimits> Pockets { get; }

    /// <summary>Never shown: ToString leaves it out.</summary>
    public string LockCode { get; }

    public int LockCodeTries { get; }

    /// <summary>Certificate validity in years (capped by the issuer certificate's expiry).</summary>
    public int ValidityYears { get; init; } = Issuer.DefaultPurseValidityYears;

    public IReadOnlyList<CurrencyCode> Currencies => [.. Pockets.Select(p => p.Currency)];

    /// <summary>A request with <see cref="PurseLimitDefaults"/> for every currency.</summary>
    public static PersonalisationRequest WithDefaultLimits(PurseClass purseClass, IReadOnlyList<CurrencyCode> currencies,
        string lockCode, int lockCodeTries = 3)
    {
        ArgumentNullException.ThrowIfNull(currencies);
        return new PersonalisationRequest(purseClass, [.. currencies.Select(c => PurseLimitDefaults.For(purseClass, c))],
            lockCode, lockCodeTries);
    }

    public override string ToString() =>
        $"{PurseCard.ClassName(Class)} purse, {string.Join(", ", Currencies)}, {LockCodeTries} lock-code tries";
}
