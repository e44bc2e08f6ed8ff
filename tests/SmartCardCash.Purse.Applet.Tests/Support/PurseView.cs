namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// What a host can see of a purse without changing it: FCI, status (balances' owner, nextSeq, state, counters, tries,
/// flags, log occupancy, trusted date), balances, limits, pdAuth, the pending log (RESUME) and the transaction log —
/// one labelled line per read, data and status word in hex. The exception log's records are left out: reading them
/// aborts a transfer in progress (the region comparison covers them).
/// </summary>
internal static class PurseView
{
    public static string Read(IPurseHost host)
    {
        var lines = new List<string>();
        void Read(string label, Iso7816.CommandApdu command) => lines.Add($"{label}: {host.Transmit(command).ToHex()}");

        Read("select", PurseCommands.Select());
        Read("status", PurseCommands.GetData(PurseDataObject.Status));
        Read("balances", PurseCommands.GetData(PurseDataObject.Balances));
        Read("limits", PurseCommands.GetData(PurseDataObject.PocketLimits));
        Read("pending transfer", PurseCommands.GetData(PurseDataObject.PendingTransfer));
        Read("resume", PurseCommands.Resume());
        for (byte i = 0; i < PurseConstants.TransactionLogCapacity; i++)
        {
            Read($"transaction {i}", PurseCommands.ReadLog(PurseLogKind.Transactions, i));
        }
        return string.Join('\n', lines);
    }
}
