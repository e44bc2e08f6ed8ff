namespace SmartCardCash.Emulator.Vpcd.Tests.Fakes;

/// <summary>What a scripted host session under random tearing saw: the tears, the final counter and how many
/// increments the card acknowledged.</summary>
internal sealed record RandomSessionResult(
    IReadOnlyList<(long Number, VpcdTearPoint Point, bool AtWrite)> Tears,
    uint Counter,
    uint Acknowledged);
