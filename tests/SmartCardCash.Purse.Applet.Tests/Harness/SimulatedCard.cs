using SmartCardCash.Emulator.Applets;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Purse.Applet.Tests.Harness;

/// <summary>
/// Test double of the card runtime, as small as the tests allow: one applet installed under one AID over a
/// <see cref="JournaledMemory"/>; a fresh applet instance at every power-up; SELECT by AID; IsoException → status
/// word; any other exception → 6F00 with the transaction aborted (and remembered in <see cref="InternalErrors"/> so
/// tests can insist there were none); response data longer than Ne → 61xx and GET RESPONSE.
/// </summary>
internal sealed class SimulatedCard
{
    private readonly AppletFactory _factory;
    private readonly ICardRandom _random;
    private readonly byte[] _aid;
    private readonly List<Exception> _internalErrors = [];
    private Emulator.Applets.Applet? _applet;
    private bool _selected;
    private byte[]? _pendingResponse;

    public SimulatedCard(AppletFactory factory, JournaledMemory memory, ICardRandom random, ReadOnlySpan<byte> aid)
    {
        _factory = factory;
        Memory = memory;
        _random = random;
        _aid = aid.ToArray();
        PowerUp();
    }

    public JournaledMemory Memory { get; }

    public CardInterface Interface { get; set; } = CardInterface.Contact;

    public IReadOnlyList<Exception> InternalErrors => _internalErrors;

    /// <summary>Recovery, then a new applet instance: every C# field of the applet starts afresh.</summary>
    public void PowerUp()
    {
        Memory.PowerUp();
        _applet = _factory(new AppletContext(Memory, _random));
        _selected = false;
        _pendingResponse = null;
    }

    public ResponseApdu Transmit(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Memory.IsPoweredOff || _applet is null)
        {
            throw new CardRemovedException("the simulated card has no power; call PowerUp.");
        }
        if (command.Cla == 0x00 && command.Ins == 0xC0 && _pendingResponse is not null)
        {
            return DeliverPending(command.Ne);
        }
        _pendingResponse = null;

        bool selectsThisApplet = command.Cla == 0x00 && command.Ins == 0xA4 && command.P1 == 0x04
            && command.Data.Span.SequenceEqual(_aid);
        if (selectsThisApplet)
        {
            if (_selected)
            {
                _applet.Deselect();
            }
            _selected = _applet.Select();
            if (!_selected)
            {
                return new ResponseApdu(new StatusWord(0x6999));
            }
        }
        else if (!_selected)
        {
            return new ResponseApdu(StatusWord.FileOrApplicationNotFound);
        }
        return Process(command, selectsThisApplet);
    }

    private ResponseApdu Process(CommandApdu command, bool isSelecting)
    {
        var context = new ApduContext(command, Interface, isSelecting);
        try
        {
            _applet!.Process(context);
        }
        catch (IsoException e)
        {
            AbortOpenTransaction();
            return new ResponseApdu(e.StatusWord);
        }
        catch (PowerLossException e)
        {
            _selected = false;
            throw new CardRemovedException("the simulated card lost power in the middle of the command.", e);
        }
        catch (Exception e) when (e is not PowerLossException)
        {
            _internalErrors.Add(e);
            AbortOpenTransaction();
            return new ResponseApdu(StatusWord.NoPreciseDiagnosis);
        }
        if (Memory.InTransaction)
        {
            _internalErrors.Add(new InvalidOperationException($"{command} returned with a transaction still open."));
            Memory.AbortTransaction();
        }

        ReadOnlySpan<byte> data = context.ResponseData.Span;
        if (data.Length > command.Ne)
        {
            _pendingResponse = data.ToArray();
            return new ResponseApdu(new StatusWord(0x61, (byte)data.Length));
        }
        return new ResponseApdu(data, context.ResponseStatus);
    }

    private ResponseApdu DeliverPending(int ne)
    {
        byte[] pending = _pendingResponse!;
        int take = Math.Min(pending.Length, ne);
        _pendingResponse = take == pending.Length ? null : pending[take..];
        return _pendingResponse is null
            ? new ResponseApdu(pending.AsSpan(0, take), StatusWord.Success)
            : new ResponseApdu(pending.AsSpan(0, take), new StatusWord(0x61, (byte)_pendingResponse.Length));
    }

    private void AbortOpenTransaction()
    {
        if (Memory.InTransaction)
        {
            Memory.AbortTransaction();
        }
    }
}
