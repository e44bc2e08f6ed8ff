namespace SmartCardCash.Purse.Payments;

/// <summary>
/// A signed hotlist older than the one the terminal already installed, or a different list under the same sequence
/// number: taking it would let an attacker replay an old, shorter list.
/// </summary>
public sealed class HotlistVersionException(string message) : Exception(message);
