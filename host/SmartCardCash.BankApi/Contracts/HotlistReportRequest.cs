namespace SmartCardCash.BankApi.Contracts;

/// <summary>POST /v1/hotlist: an operator lists a purse reported lost or stolen, with a note (the evidence kept).</summary>
public sealed record HotlistReportRequest(string? Purse, string? Note);
