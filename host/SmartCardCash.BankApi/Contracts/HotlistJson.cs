namespace SmartCardCash.BankApi.Contracts;

/// <summary>A version of the issuer-signed hotlist: <see cref="Signed"/> is the text a terminal verifies and installs
/// (<c>SignedHotlistFile.Install</c>); the other fields repeat what it says.</summary>
public sealed record HotlistJson(long Version, string Date, IReadOnlyList<string> Purses, string Signed);
