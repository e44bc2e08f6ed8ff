namespace SmartCardCash.Purse.Spec;

/// <summary>Kinds of transaction-log records (spec 2.5).</summary>
public enum TransactionRecordType : byte
{
    Sent = 0x01,
    Received = 0x02,
    Minted = 0x03,
}
