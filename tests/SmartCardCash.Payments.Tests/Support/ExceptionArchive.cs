namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// Every exception record a test has seen in any purse's log, each once, as the bank's archive gathers them (PRG-126):
/// a record stays known while its purse is busy with a later transfer and its log cannot be read.
/// </summary>
internal sealed class ExceptionArchive
{
    private readonly HashSet<ExceptionRecord> _records = [];

    public IReadOnlyCollection<ExceptionRecord> Records => _records;

    /// <summary>Adds the records in the logs of <paramref name="purses"/> that could be read.</summary>
    public void Gather(IEnumerable<PurseSnapshot> purses)
    {
        foreach (PurseSnapshot purse in purses)
        {
            _records.UnionWith((purse.Exceptions ?? []).Select(e => e.Record));
        }
    }
}
