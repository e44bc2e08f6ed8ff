namespace SmartCardCash.Purse.Spec;

/// <summary>GET DATA 06: the transfer state and pdAuth (null if no transfer has ever started).</summary>
public sealed record PendingTransfer(TransferState State, PaymentDetails? Details);
