namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/loads/{id}/apdu, /v1/deposits/{id}/apdu: one command APDU for the payment's bank purse, in hex.</summary>
public sealed record ApduRequest(string? Command);
