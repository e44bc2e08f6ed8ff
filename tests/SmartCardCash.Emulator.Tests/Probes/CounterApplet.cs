using System.Buffers.Binary;

namespace SmartCardCash.Emulator.Tests.Probes;

/// <summary>
/// A test applet with two counters, A and B, that every committed command keeps equal, and a history area written in
/// the same transaction. Its commands exercise every path of the runtime.
/// </summary>
/// <remarks>
/// Layout: [0,4) A, [4,8) B, [8, 8+8k) history slot k = A (4 bytes) and k repeated (4 bytes). CLA 80:
/// <list type="bullet">
/// <item>10 INCREMENT, P1 = history slots (0..8): one transaction; answers the new A.</item>
/// <item>20 READ: A, B and 8 history slots (72 bytes).</item>
/// <item>22 LONG: P1P2 bytes (i mod 256), no persistent change.</item>
/// <item>24 WARN: P1 bytes and status 6310.</item>
/// <item>30 FAIL, P1: 1 IsoException 6A80 inside a transaction; 2 InvalidOperationException inside a transaction;
/// 3 leaves the transaction open; 4 a plain write of A = FFFFFFFF then an exception; 5 data then IsoException;
/// 6 catches the power loss of a write and returns.</item>
/// <item>40 FILL: one transaction writing P1P2 bytes into the history area in 200-byte writes.</item>
/// <item>42 SET: one plain (non-transactional) write of P1 bytes of value P2 at offset 8.</item>
/// </list>
/// </remarks>
internal sealed class CounterApplet : Applet
{
    public const int RegionSize = 8192;
    public const string TypeName = "SmartCardCash.Tests.Counter";
    public static readonly byte[] Aid = Hex.Decode("F0 53 43 43 54 45 53 54 01");

    private readonly IPersistentMemory _memory;
    private readonly ProbeLog _log;

    public CounterApplet(AppletContext context, ProbeLog log)
    {
        _memory = context.Memory;
        _log = log;
        log.Instances++;
        if (log.ThrowInFactory)
        {
            throw new InvalidOperationException("factory failure requested by the test");
        }
    }

    public static AppletFactory Factory(ProbeLog log) => context => new CounterApplet(context, log);

    public override bool Select()
    {
        _log.Events.Add("select");
        if (_log.ThrowInSelect)
        {
            throw new InvalidOperationException("select failure requested by the test");
        }
        return !_log.RefuseSelect;
    }

    public override void Deselect()
    {
        _log.Events.Add("deselect");
        if (_log.WriteInDeselect)
        {
            WriteUInt32(8, 0xDE5E1EC7);
        }
    }

    public override void Process(ApduContext apdu)
    {
        CommandApdu command = apdu.Command;
        _log.Events.Add(apdu.IsSelecting ? "process:select" : $"process:{command.Ins:X2}");
        if (apdu.IsSelecting)
        {
            apdu.Respond([0x6F, 0x03, 0x84, 0x01, 0x01]);
            return;
        }
        if (command.Cla != 0x80)
        {
            throw new IsoException(StatusWord.ClassNotSupported);
        }
        switch (command.Ins)
        {
            case 0x10:
                Increment(apdu, command.P1);
                break;
            case 0x20:
                var state = new byte[72];
                _memory.Read(0, state);
                apdu.Respond(state);
                break;
            case 0x22:
                apdu.Respond(Pattern((command.P1 << 8) | command.P2));
                break;
            case 0x24:
                apdu.Respond(Pattern(command.P1), StatusWord.WarningStateChanged);
                break;
            case 0x30:
                Fail(apdu, command.P1);
                break;
            case 0x40:
                Fill((command.P1 << 8) | command.P2);
                break;
            case 0x42:
                _memory.Write(8, Enumerable.Repeat(command.P2, command.P1).ToArray());
                break;
            default:
                throw new IsoException(StatusWord.InstructionNotSupported);
        }
    }

    public static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)i).ToArray();

    private void Increment(ApduContext apdu, int historySlots)
    {
        IsoException.ThrowIf(historySlots > 8, 0x6A86);
        _memory.BeginTransaction();
        uint a = ReadUInt32(0) + 1;
        WriteUInt32(0, a);
        for (int k = 0; k < historySlots; k++)
        {
            var slot = new byte[8];
            BinaryPrimitives.WriteUInt32BigEndian(slot, a);
            BinaryPrimitives.WriteUInt32BigEndian(slot.AsSpan(4), (uint)k);
            _memory.Write(8 + 8 * k, slot);
        }
        WriteUInt32(4, a);
        _memory.CommitTransaction();
        var response = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(response, a);
        apdu.Respond(response);
    }

    private void Fail(ApduContext apdu, int mode)
    {
        switch (mode)
        {
            case 1:
                _memory.BeginTransaction();
                WriteUInt32(0, 0xBAD0BAD0);
                throw new IsoException(StatusWord.IncorrectData);
            case 2:
                _memory.BeginTransaction();
                WriteUInt32(0, 0xBAD0BAD0);
                throw new InvalidOperationException("failure requested by the test");
            case 3:
                _memory.BeginTransaction();
                WriteUInt32(0, 0xBAD0BAD0);
                return;
            case 4:
                WriteUInt32(0, 0xFFFFFFFF);
                throw new InvalidOperationException("failure after a plain write, requested by the test");
            case 5:
                apdu.Respond([1, 2, 3]);
                throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
            case 6:
                try
                {
                    WriteUInt32(0, 0x5A5A5A5A);
                }
                catch (PowerLossException)
                {
                    // A badly behaved applet: it must let power loss pass. The runtime must notice anyway.
                }
                return;
            default:
                throw new IsoException(StatusWord.IncorrectP1P2);
        }
    }

    private void Fill(int length)
    {
        _memory.BeginTransaction();
        for (int done = 0; done < length; done += 200)
        {
            int chunk = Math.Min(200, length - done);
            _memory.Write(8 + done, Enumerable.Repeat((byte)0xF1, chunk).ToArray());
        }
        _memory.CommitTransaction();
    }

    private uint ReadUInt32(int offset)
    {
        Span<byte> bytes = stackalloc byte[4];
        _memory.Read(offset, bytes);
        return BinaryPrimitives.ReadUInt32BigEndian(bytes);
    }

    private void WriteUInt32(int offset, uint value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, value);
        _memory.Write(offset, bytes);
    }
}
