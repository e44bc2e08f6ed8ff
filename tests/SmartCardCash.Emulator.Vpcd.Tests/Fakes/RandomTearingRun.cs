namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>What a scripted host run under random tearing saw: the tears, the final counter and how many
/// increments the card acknowledged.</summary>
internal sealed record RandomTearingRun(
    IReadOnlyList<(long Number, VpcdTearPoint Point, bool AtWrite)> Tears,
    uint Counter,
    uint Acknowledged);
