namespace SmartCardCash.BankApi.Contracts;

/// <summary>GET /v1/purses/{purseId}/holder (operator): the account that loaded a hotlisted purse: its anonymity revoked.</summary>
public sealed record PurseHolderJson(string Purse, string Account, string HotlistReason, DateTimeOffset Hotlisted);
