using System.Buffers.Binary;
using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator.Vpcd.Tests.Probes;

/// <summary>
/// A small test applet: a persistent counter kept twice (the copies are equal after every committed transaction), and
/// a transient session counter. CLA 80, or 00 (so that a host's GET RESPONSE, which reuses the command's CLA, is the
/// interindustry one the runtime answers):
/// <list type="bullet">
/// <item>10 INCREMENT: one transaction writing the counter and its copy; answers the new value (4 bytes). Six
/// persistent writes: journal entries 0 and 1, commit record 2, applies 3 and 4, clear 5.</item>
/// <item>20 READ: counter and copy (8 bytes), no write.</item>
/// <item>30 ECHO: answers the command data.</item>
/// <item>40 INTERFACE: 00 contact, 01 contactless.</item>
/// <item>50 SESSION: increments a C# field (transient: lost at power-off) and answers it (1 byte).</item>
/// <item>70 FAIL: throws an InvalidOperationException (an applet bug: 6F00).</item>
/// </list>
/// </summary>
internal sealed class CounterApplet : Applet
{
    public const string TypeName = "SmartCardCash.Tests.VpcdCounter";
    public const int RegionSize = 64;
    public static readonly byte[] Aid = Hex.Decode("F0 53 43 43 56 50 43 44 01");

    private readonly IPersistentMemory _memory;
    private readonly ProbeLog _log;
    private byte _session;

    public CounterApplet(AppletContext context, ProbeLog log)
    {
        _memory = context.Memory;
        _log = log;
        log.Add("created");
    }

    public static AppletFactory Factory(ProbeLog log) => context => new CounterApplet(context, log);

    public static string SelectHex => "00A40400" + Aid.Length.ToString("X2", System.Globalization.CultureInfo.InvariantCulture) + Hex.Encode(Aid) + "00";

    public override bool Select()
    {
        _log.Add("select");
        return true;
    }

    public override void Deselect() => _log.Add("deselect");

    public override void Process(ApduContext apdu)
    {
        if (apdu.IsSelecting)
        {
            return;
        }
        CommandApdu command = apdu.Command;
        if (command.Cla is not (0x80 or 0x00))
        {
            throw new IsoException(StatusWord.ClassNotSupported);
        }
        Span<byte> value = stackalloc byte[8];
        switch (command.Ins)
        {
            case 0x10:
                _memory.Read(0, value[..4]);
                BinaryPrimitives.WriteUInt32BigEndian(value, BinaryPrimitives.ReadUInt32BigEndian(value) + 1);
                _memory.BeginTransaction();
                _memory.Write(0, value[..4]);
                _memory.Write(4, value[..4]);
                _memory.CommitTransaction();
                apdu.Respond(value[..4]);
                break;
            case 0x20:
                _memory.Read(0, value);
                apdu.Respond(value);
                break;
            case 0x30:
                apdu.Respond(command.Data.Span);
                break;
            case 0x40:
                apdu.Respond([apdu.Interface == CardInterface.Contactless ? (byte)1 : (byte)0]);
                break;
            case 0x50:
                _session++;
                apdu.Respond([_session]);
                break;
            case 0x70:
                throw new InvalidOperationException("failure requested by the test");
            default:
                throw new IsoException(StatusWord.InstructionNotSupported);
        }
    }
}
