namespace SmartCardCash.Purse.Spec;

/// <summary>Why a transfer is in the exception log (spec 2.1, 2.4).</summary>
public enum ExceptionReason : byte
{
    /// <summary>This purse paid, was debited and aborted in epa: the acknowledgement never arrived.</summary>
    PayerAbortedInEpa = 0x01,
    /// <summary>This purse was to be paid and aborted in epv: the value was expected and never credited.</summary>
    PayeeAbortedInEpv = 0x02,
}
