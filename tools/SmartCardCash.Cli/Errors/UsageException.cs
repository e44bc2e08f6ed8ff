namespace SmartCardCash.Cli.Errors;

/// <summary>The command line asks for something impossible (malformed hex, an APDU that cannot exist): exit 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
