namespace SmartCardCash.Bench.Payments;

/// <summary>Median, 95th percentile (nearest rank), minimum, maximum and mean of a run's payments, in milliseconds.</summary>
public sealed record PaymentStatistics(string Scenario, int Payments, double Median, double P95, double Min, double Max, double Mean,
    double ApdusPerPayment, double TransmitMean, double SavesPerPayment, double SaveMean)
{
    public static PaymentStatistics Of(string scenario, IReadOnlyList<PaymentSample> samples)
    {
        if (samples.Count == 0)
        {
            throw new ArgumentException("no payments were measured", nameof(samples));
        }
        double[] totals = [.. samples.Select(s => s.Total.TotalMilliseconds).Order()];
        return new PaymentStatistics(scenario, samples.Count,
            Percentile(totals, 0.50), Percentile(totals, 0.95), totals[0], totals[^1], totals.Average(),
            samples.Average(s => s.Apdus), samples.Average(s => s.InTransmit.TotalMilliseconds),
            samples.Average(s => s.Saves), samples.Average(s => s.InSaves.TotalMilliseconds));
    }

    /// <summary>Nearest rank on sorted values: the smallest value with at least <paramref name="fraction"/> of them at or below it.</summary>
    private static double Percentile(double[] sorted, double fraction)
    {
        int rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
