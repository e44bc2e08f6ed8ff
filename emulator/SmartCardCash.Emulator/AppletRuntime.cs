using Microsoft.Extensions.Logging;
using SmartCardCash.AppletApi;
using SmartCardCash.Emulator.Memory;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>
/// The applets installed on an <see cref="EmulatedCard"/>, the selected one, and every call into applet code
/// (creation, select, deselect, process) with the Java Card rules for what that code leaves behind: an exception is
/// a fault (counted, logged, answered 6F00 or 6999), a failing memory is 6581, a transaction left open is aborted,
/// and a power loss the applet caught is still a power loss.
/// </summary>
internal sealed class AppletRuntime(NonVolatileMemory nvm, ICardRandom random, ILogger logger, bool throwOnAppletFault)
{
    public const int MinAidLength = 5;
    public const int MaxAidLength = 16;

    private readonly List<AppletSlot> _slots = [];
    private AppletFaultException? _fault;

    /// <summary>The installed applets, in installation order.</summary>
    public IReadOnlyList<AppletSlot> Slots => _slots;

    public AppletSlot? Selected { get; private set; }

    public int TransactionsAbortedByRuntime { get; private set; }

    public int AppletFaults { get; private set; }

    public int MemoryFailures { get; private set; }

    /// <summary>Where the next applet's region starts in the data area.</summary>
    public int NextRegionOffset => _slots.Count == 0 ? 0 : _slots.Max(slot => slot.Info.RegionOffset + slot.Info.RegionSize);

    public bool IsInstalled(ReadOnlySpan<byte> aid)
    {
        foreach (AppletSlot slot in _slots)
        {
            if (slot.Info.Aid.Span.SequenceEqual(aid))
            {
                return true;
            }
        }
        return false;
    }

    public AppletSlot Add(InstalledApplet installed, AppletFactory factory)
    {
        var slot = new AppletSlot(installed, factory);
        _slots.Add(slot);
        return slot;
    }

    /// <summary>
    /// An exact AID match, else the first applet (installation order) whose AID starts with <paramref name="aid"/>
    /// (Java Card's partial selection); null when none matches or the length cannot be an AID.
    /// </summary>
    public AppletSlot? Find(ReadOnlySpan<byte> aid)
    {
        if (aid.Length is < MinAidLength or > MaxAidLength)
        {
            return null;
        }
        foreach (AppletSlot slot in _slots)
        {
            if (slot.Info.Aid.Span.SequenceEqual(aid))
            {
                return slot;
            }
        }
        foreach (AppletSlot slot in _slots)
        {
            if (slot.Info.Aid.Span.StartsWith(aid))
            {
                return slot;
            }
        }
        return null;
    }

    /// <summary>Fresh instances of every applet (power-up).</summary>
    public void CreateInstances()
    {
        foreach (AppletSlot slot in _slots)
        {
            CreateInstance(slot);
        }
    }

    public void CreateInstance(AppletSlot slot)
    {
        IPersistentMemory region = nvm.OpenRegion(slot.Info.RegionOffset, slot.Info.RegionSize);
        try
        {
            slot.Instance = slot.Factory(new AppletContext(region, random));
        }
        catch (Exception e) when (e is not PowerLossException and not EmulatorInvariantException)
        {
            // The applet cannot run this session; SELECT answers 6999 for it. The card itself stays usable.
            slot.Instance = null;
            RecordFault(slot, "creation", e);
        }
        EndOfAppletCode(slot, "creation");
    }

    /// <summary>Power is gone: no instance, nothing selected.</summary>
    public void DropInstances()
    {
        Selected = null;
        foreach (AppletSlot slot in _slots)
        {
            slot.Instance = null;
        }
    }

    /// <summary>
    /// Calls <see cref="Applet.Select"/> on <paramref name="slot"/> (the caller deselected the current applet first).
    /// True when the applet accepted and is now selected; false (answer 6999) when it has no instance, refused or threw.
    /// </summary>
    public bool Select(AppletSlot slot)
    {
        if (slot.Instance is not Applet applet)
        {
            return false;
        }
        bool accepted;
        try
        {
            accepted = applet.Select();
        }
        catch (Exception e) when (e is not PowerLossException and not EmulatorInvariantException)
        {
            RecordFault(slot, "select", e);
            accepted = false;
        }
        EndOfAppletCode(slot, "select");
        if (accepted)
        {
            Selected = slot;
        }
        return accepted;
    }

    public void DeselectCurrent()
    {
        AppletSlot current = Selected!;
        Selected = null;
        if (current.Instance is not Applet applet)
        {
            return;
        }
        try
        {
            applet.Deselect();
        }
        catch (Exception e) when (e is not PowerLossException and not EmulatorInvariantException)
        {
            // Java Card ignores exceptions from deselect: the applet is deselected all the same.
            RecordFault(current, "deselect", e);
        }
        EndOfAppletCode(current, "deselect");
    }

    /// <summary>Runs <see cref="Applet.Process"/>; returns the applet's answer, or the status word its failure gets.</summary>
    public (ReadOnlyMemory<byte> Data, StatusWord Status) Process(AppletSlot slot, CommandApdu command, InterfaceProfile active, bool isSelecting)
    {
        Applet applet = slot.Instance!;
        var context = new ApduContext(command,
            active == InterfaceProfile.Contactless ? CardInterface.Contactless : CardInterface.Contact, isSelecting);
        ReadOnlyMemory<byte> data;
        StatusWord status;
        try
        {
            applet.Process(context);
            data = context.ResponseData;
            status = context.ResponseStatus;
        }
        catch (IsoException e)
        {
            data = ReadOnlyMemory<byte>.Empty;
            status = e.StatusWord;
        }
        catch (MemoryFailureException e)
        {
            // The memory, not the applet, failed: 6581; EndOfAppletCode aborts a transaction the applet left open, so nothing changes.
            MemoryFailures++;
            EmulatorLog.MemoryFailed(logger, slot.Info.AidHex, e.Message);
            data = ReadOnlyMemory<byte>.Empty;
            status = StatusWord.MemoryFailure;
        }
        catch (Exception e) when (e is not PowerLossException and not EmulatorInvariantException)
        {
            RecordFault(slot, "process", e);
            data = ReadOnlyMemory<byte>.Empty;
            status = StatusWord.NoPreciseDiagnosis;
        }
        EndOfAppletCode(slot, "process");
        return (data, status);
    }

    /// <summary>The card lost power: a fault recorded during the interrupted operation is not thrown.</summary>
    public void ForgetFault() => _fault = null;

    /// <summary>In <see cref="EmulatedCardOptions.ThrowOnAppletFault"/> mode, throws the fault recorded during the
    /// operation that just ended, once the card's state is clean and saved.</summary>
    public void ThrowRecordedFault()
    {
        if (_fault is AppletFaultException fault)
        {
            _fault = null;
            throw fault;
        }
    }

    private void RecordFault(AppletSlot slot, string phase, Exception exception)
    {
        AppletFaults++;
        EmulatorLog.AppletFailed(logger, exception, slot.Info.AidHex, phase);
        if (throwOnAppletFault)
        {
            _fault ??= new AppletFaultException(slot.Info.AidHex, phase, exception);
        }
    }

    /// <summary>After any applet code: a swallowed power loss is still a power loss, and no transaction outlives it.</summary>
    private void EndOfAppletCode(AppletSlot slot, string phase)
    {
        if (!nvm.IsPowered)
        {
            throw new PowerLossException($"power was lost during applet {slot.Info.AidHex} {phase} (the applet caught the power loss)");
        }
        if (nvm.InTransaction)
        {
            nvm.AbortTransaction();
            TransactionsAbortedByRuntime++;
            EmulatorLog.TransactionLeftOpen(logger, slot.Info.AidHex, phase);
        }
    }
}
