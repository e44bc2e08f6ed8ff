namespace SmartCardCash.Purse.Spec;

/// <summary>The PRG-126 purse states (spec 4.1).</summary>
public enum TransferState : byte
{
    Idle = 0x00,
    /// <summary>The payer started and expects the payee's req.</summary>
    ExpectingReq = 0x01,
    /// <summary>The payee started and expects the payer's val.</summary>
    ExpectingVal = 0x02,
    /// <summary>The payer was debited and expects the payee's ack.</summary>
    ExpectingAck = 0x03,
}
