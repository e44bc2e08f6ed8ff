namespace SmartCardCash.Cli;

/// <summary>The global options as parsed for one run.</summary>
internal sealed record OutputSettings(bool Json, bool Trace, bool Verbose);
