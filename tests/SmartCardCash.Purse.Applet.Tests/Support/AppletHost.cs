using SmartCardCash.AppletApi;

namespace SmartCardCash.Purse.Applet.Tests.Support;

/// <summary>
/// The smallest host that runs the purse over any <see cref="IPersistentMemory"/> — the bank's database-backed purses
/// in miniature. SELECT by the purse AID selects it, everything else goes to <c>Process</c>, an IsoException becomes its
/// status word. Nothing more: no 61xx, no class checks (the applet makes its own, spec 5.0), and any other exception
/// escapes to fail the test.
/// </summary>
internal sealed class AppletHost : IPurseHost
{
    private readonly IPersistentMemory _memory;
    private readonly ICardRandom _random;
    private AppletApi.Applet _applet;
    private bool _selected;

    public AppletHost(string name, IPersistentMemory memory, ICardRandom random)
    {
        Name = name;
        _memory = memory;
        _random = random;
        _applet = PurseApplet.Factory(new AppletContext(memory, random));
    }

    public string Name { get; }

    public ResponseApdu Transmit(CommandApdu command)
    {
        bool selecting = command.Cla == PurseInstruction.InterindustryClass && command.Ins == PurseInstruction.Select
            && PurseAid.Matches(command.Data.Span);
        if (selecting)
        {
            _selected = _applet.Select();
        }
        if (!_selected)
        {
            return new ResponseApdu(StatusWord.InstructionNotSupported);
        }
        var context = new ApduContext(command, CardInterface.Contact, selecting);
        ResponseApdu response;
        try
        {
            _applet.Process(context);
            response = new ResponseApdu(context.ResponseData.Span, context.ResponseStatus);
        }
        catch (IsoException e)
        {
            response = new ResponseApdu(e.StatusWord);
        }
        Assert.False(_memory.InTransaction, $"{Name}: {command} left a transaction open");
        return response;
    }

    public byte[] ReadPersistentMemory()
    {
        var bytes = new byte[_memory.Size];
        _memory.Read(0, bytes);
        return bytes;
    }

    public void PowerCycle()
    {
        _applet = PurseApplet.Factory(new AppletContext(_memory, _random));
        _selected = false;
    }

    /// <summary>Faults escape <see cref="Transmit"/> and open transactions fail there: nothing is left to check.</summary>
    public void AssertNoInternalErrors() => Assert.False(_memory.InTransaction, $"{Name}: a transaction is open");

    public override string ToString() => Name;
}
