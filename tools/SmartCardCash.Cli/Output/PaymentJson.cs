namespace SmartCardCash.Cli.Output;

/// <summary>Payment details (PD) in JSON.</summary>
internal sealed record PaymentJson(string From, string To, MoneyJson Amount, uint FromSeq, uint ToSeq, string? OrderDigest);
