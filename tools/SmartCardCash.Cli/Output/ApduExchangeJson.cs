namespace SmartCardCash.Cli.Output;

/// <summary>One command and its complete response (after GET RESPONSE and 6Cxx handling unless --raw); hex without spaces.</summary>
internal sealed record ApduExchangeJson(string Command, string Data, string Sw, string Meaning);
