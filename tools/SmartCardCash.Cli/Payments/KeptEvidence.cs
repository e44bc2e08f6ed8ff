namespace SmartCardCash.Cli.Payments;

/// <summary>Where a completed payment's evidence went: the journal file, and why it was not kept there, if it was not.</summary>
/// <param name="Problem">Null when the entry is on disk; else one sentence naming the path and the cause.</param>
internal sealed record KeptEvidence(string Path, string? Problem)
{
    public bool Kept => Problem is null;
}
