namespace SmartCardCash.Settlement.Ledger;

/// <summary>
/// A merchant's fee on each deposit: <see cref="BasisPoints"/> hundredths of a percent of the amount, rounded down (in
/// the merchant's favour), plus <see cref="FixedMinorUnits"/>; never more than the amount itself.
/// </summary>
public readonly record struct FeeRate
{
    public const int MaxBasisPoints = 10_000;

    public FeeRate(int basisPoints, long fixedMinorUnits)
    {
        if (basisPoints is < 0 or > MaxBasisPoints)
        {
            throw new ArgumentOutOfRangeException(nameof(basisPoints), basisPoints,
                $"a fee rate's basis points are from 0 to {MaxBasisPoints} (0% to 100%).");
        }
        if (fixedMinorUnits < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fixedMinorUnits), fixedMinorUnits, "a fixed fee is not negative.");
        }
        BasisPoints = basisPoints;
        FixedMinorUnits = fixedMinorUnits;
    }

    public static FeeRate Free => new(0, 0);

    public int BasisPoints { get; }

    public long FixedMinorUnits { get; }

    /// <summary>The fee on a deposit of <paramref name="amount"/> minor units: 0 to <paramref name="amount"/>.</summary>
    public long FeeOn(long amount)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amount);
        Int128 proportional = (Int128)amount * BasisPoints / MaxBasisPoints;
        return (long)Int128.Min(amount, proportional + FixedMinorUnits);
    }

    public override string ToString() => $"{BasisPoints} bp + {FixedMinorUnits}";
}
