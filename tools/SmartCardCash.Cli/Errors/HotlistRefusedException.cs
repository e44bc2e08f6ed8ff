namespace SmartCardCash.Cli.Errors;

/// <summary>A hotlist a terminal was given and refused (unsigned, badly signed, another issuer's, older than the one
/// installed): exit 6, a security refusal. The installed list stays.</summary>
internal sealed class HotlistRefusedException(string message, Exception innerException) : Exception(message, innerException);
