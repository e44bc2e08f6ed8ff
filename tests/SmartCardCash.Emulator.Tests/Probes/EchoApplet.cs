namespace SmartCardCash.Emulator.Tests.Probes;

/// <summary>
/// Echoes the command data back and records Ne. Declares extended-length and chaining support, to test the runtime's
/// opt-in checks. INS 01 answers Ne bytes of pattern instead.
/// </summary>
internal sealed class EchoApplet : Applet, IExtendedLengthApplet, ICommandChainingApplet
{
    public const string TypeName = "SmartCardCash.Tests.Echo";
    public static readonly byte[] Aid = Hex.Decode("F0 53 43 43 45 43 48 4F 01");

    private readonly ProbeLog _log;

    public EchoApplet(ProbeLog log)
    {
        _log = log;
    }

    public static AppletFactory Factory(ProbeLog log) => _ => new EchoApplet(log);

    public override void Deselect() => _log.Events.Add("echo:deselect");

    public override void Process(ApduContext apdu)
    {
        if (apdu.IsSelecting)
        {
            _log.Events.Add("echo:select");
            return;
        }
        _log.Events.Add($"echo:{apdu.Command.Cla:X2}{apdu.Command.Ins:X2} ne={apdu.Command.Ne} chained={apdu.Command.IsChained}");
        apdu.Respond(apdu.Command.Ins == 0x01 ? CounterApplet.Pattern(apdu.Command.Ne) : apdu.Command.Data.Span);
    }
}
