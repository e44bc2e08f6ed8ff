namespace SmartCardCash.BankApi.Contracts;

/// <summary>The bank purse's response APDU, in hex (data and status word), given only once its transaction committed.</summary>
public sealed record ApduJson(string Response);
