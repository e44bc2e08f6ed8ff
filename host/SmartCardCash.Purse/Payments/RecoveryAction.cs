namespace SmartCardCash.Purse.Payments;

/// <summary>The next step of recovery, one row of spec 4.7's table (see <see cref="RecoveryTable"/>).</summary>
internal enum RecoveryAction
{
    /// <summary>Nothing to do: completed, or settled already.</summary>
    None,

    /// <summary>A card that matters cannot be reached and nothing safe can be done without it: leave both as they are.</summary>
    Wait,

    /// <summary>Payer epr, payee epv: RESUME the payee's req, REQ to the payer, then VAL and ACK.</summary>
    DeliverReq,

    /// <summary>Payer epa, payee epv: RESUME the payer's val, VAL to the payee, then ACK.</summary>
    DeliverVal,

    /// <summary>Payer epa, payee credited (pending ack): RESUME the payee's ack, ACK to the payer.</summary>
    DeliverAck,

    /// <summary>
    /// Payer aborted in epa (idle, reason 01 logged, its val still in the pending log), payee still epv: RESUME the
    /// payer's val, VAL to the payee, which still takes it. No ACK: the payer is idle. Its 01 record stays, and the
    /// payee's credit is why the bank never refunds a 01 record without the payee's matching 02 (spec 4.4(6)).
    /// </summary>
    DeliverLoggedVal,

    /// <summary>Payer epr and the payee cannot take part: abort the payer, nothing is logged (nothing was debited).</summary>
    AbortPayer,

    /// <summary>Payer epa and the payee never took the val and cannot any more: abort the payer, which logs the value (01).</summary>
    AbortPayerLogging,

    /// <summary>The payee waits (epv) for a val the payer will never send: abort the payee (logs 02).</summary>
    AbortPayee,

    /// <summary>The payee refuses the val while in epv for it: abort both (01 and 02), definitely lost (spec 4.4(6)).</summary>
    AbortBoth,
}
