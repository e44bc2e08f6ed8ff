namespace SmartCardCash.Purse.Payments;

/// <summary>What <see cref="SignedHotlistFile.Install"/> did.</summary>
/// <param name="List">The list now installed.</param>
/// <param name="Previous">The sequence number of the list it replaced; null when there was none.</param>
/// <param name="Changed">False when exactly this list was installed already: nothing was written.</param>
public sealed record HotlistInstallation(SignedHotlist List, uint? Previous, bool Changed);
