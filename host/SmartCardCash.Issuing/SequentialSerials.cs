namespace SmartCardCash.Issuing;

/// <summary>Serials from memory, counting up from a start: for issuers that need no disk (tests, one-off tools).</summary>
public sealed class SequentialSerials(uint first = 1) : IPurseSerialSource
{
    private uint _next = first;

    public uint NextSerial() => _next++;
}
