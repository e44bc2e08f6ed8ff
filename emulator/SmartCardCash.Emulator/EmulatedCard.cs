using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SmartCardCash.AppletApi;
using SmartCardCash.Emulator.Memory;
using SmartCardCash.Iso7816;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Emulator;

/// <summary>
/// A software smart card: a Java Card-like runtime over <see cref="NonVolatileMemory"/> with real transactions and
/// injectable power loss. <c>new EmulatedCard(profile)</c>, <see cref="Install"/>, <see cref="PowerOn"/>,
/// <see cref="Transmit(ReadOnlySpan{byte})"/>. Not thread-safe: a card does one thing at a time.
/// </summary>
/// <remarks>
/// <para><b>Dispatch</b>, in this order, for every command APDU:</para>
/// <list type="number">
/// <item>Contactless only: <c>FF CA</c> is the PC/SC GET DATA pseudo-APDU, answered as the reader would (UID for P1 = 00,
/// ATS historical bytes for P1 = 01, 6A81 for other P1, 6B00 for P2 ≠ 00, 6Cxx / 6282 for a short / long Le). It
/// never reaches the card, so it leaves a pending GET RESPONSE alone. Every other command discards pending data.</item>
/// <item>Fewer than 4 bytes, or lengths that do not add up → 6700. Contactless: more than
/// <see cref="ContactlessMaxCommandLength"/> bytes → 6700 (the card's contactless APDU buffer holds one short APDU).</item>
/// <item>CLA FF (other than the pseudo-APDU above) → 6E00.</item>
/// <item>Logical channel bits (CLA b1-b2, or CLA b7 set: further channels) → 6881; only the basic channel exists.</item>
/// <item>Secure messaging bits (CLA b3-b4) → 6882.</item>
/// <item>Chaining bit (CLA b5) → 6884, unless the command goes to a selected applet that implements
/// <see cref="ICommandChainingApplet"/>.</item>
/// <item>Extended length → 6700, unless the command goes to a selected applet that implements
/// <see cref="IExtendedLengthApplet"/> and the interface is a contact one.</item>
/// <item>INS 6X or 9X (invalid in ISO 7816-3) → 6D00.</item>
/// <item>GET RESPONSE (<c>00 C0 00 00 Le</c>) and SELECT by DF name (<c>00 A4 04 P2</c> with P2 = first or only
/// occurrence) are the runtime's; anything else goes to the selected applet, or gets 6D00 when no applet is selected
/// (this card has no default applet, and a card manager answers an instruction it does not know with 6D00).</item>
/// </list>
/// <para><b>SELECT</b>: an exact AID match wins; otherwise the first installed applet (in installation order) whose
/// AID starts with the given bytes (5 bytes at least), as Java Card's partial selection. No match → 6A82 and the
/// current applet stays selected (ISO 7816-4: a failed selection changes nothing; Java Card forwards the command to
/// the selected applet, which answers the same 6A82). A match deselects the current applet (<see cref="Applet.Deselect"/>,
/// also when reselecting it), then calls <see cref="Applet.Select"/>: false or an exception → 6999 and no applet is
/// selected; true → the SELECT is passed to <see cref="Applet.Process"/> with <see cref="ApduContext.IsSelecting"/>.</para>
/// <para><b>Response delivery</b> (all interfaces): response data never exceeds Ne. Longer data — also when Le is
/// absent (Ne = 0) — is kept and answered with 61xx (xx = bytes waiting, 00 = 256 or more); GET RESPONSE returns the
/// next Le bytes, then 61xx again or the applet's own status word. GET RESPONSE with nothing pending → 6985, with P1P2
/// ≠ 0000 → 6A86, without Le or with data → 6700 (those errors keep the pending data). On T=0 a case 4 command carries
/// no Le on the wire (ISO 7816-3 12.2.3), so its data always comes back through 61xx; the applet still sees the
/// command as sent. Shorter data than Ne is returned as is (no 6Cxx).</para>
/// <para><b>Exceptions</b>: <see cref="IsoException"/> → its status word, no data. <see cref="PowerLossException"/> →
/// the card is unpowered and <see cref="Transmit(ReadOnlySpan{byte})"/> throws <see cref="CardRemovedException"/>
/// until <see cref="PowerOn"/>. <see cref="MemoryFailureException"/> (a full commit buffer,
/// <see cref="TransactionBufferFullException"/>, or a failing memory backend) → 6581, the open transaction is aborted,
/// counted in <see cref="MemoryFailures"/>, not an applet fault. Any other exception from an applet → 6F00 and the open
/// transaction is aborted. A
/// transaction an applet leaves open is aborted (Java Card semantics) and counted in
/// <see cref="TransactionsAbortedByRuntime"/>. No other exception leaves <see cref="Transmit(ReadOnlySpan{byte})"/>
/// for any input bytes, except <see cref="EmulatorInvariantException"/>, which means an emulator bug, and, when
/// <see cref="EmulatedCardOptions.ThrowOnAppletFault"/> is set for tests, <see cref="AppletFaultException"/>.</para>
/// <para><b>Transient state</b>: applet instances are created by their factories at every power-up, so their C#
/// fields are transient; the pending response and the selection are lost at power-off too.</para>
/// </remarks>
public sealed class EmulatedCard
{
    /// <summary>Longest command accepted on the contactless interface: one short APDU (4 + 1 + 255 + 1 bytes).</summary>
    public const int ContactlessMaxCommandLength = 261;

    private const int MinAidLength = 5;
    private const int MaxAidLength = 16;

    private readonly NonVolatileMemory _nvm;
    private readonly List<AppletSlot> _applets = [];
    private readonly ICardRandom _random;
    private readonly ILogger _logger;
    private readonly bool _throwOnAppletFault;
    private AppletFaultException? _fault;
    private InterfaceProfile? _activeInterface;
    private byte[] _atr;
    private AppletSlot? _selected;
    private PendingResponse? _pending;
    private long _persistedWriteCount;
    private bool _changedSincePersisted;

    /// <summary>A contact T=1 card with the default profile.</summary>
    public EmulatedCard() : this(CardProfile.Default)
    {
    }

    public EmulatedCard(CardProfile profile, EmulatedCardOptions? options = null)
        : this(profile, BlankMemory(profile), options)
    {
    }

    internal EmulatedCard(CardProfile profile, NonVolatileMemory nvm, EmulatedCardOptions? options)
    {
        ArgumentNullException.ThrowIfNull(profile);
        Invariant.Holds(nvm.CommitBufferCapacity == profile.CommitBufferCapacity && nvm.DataSize == profile.NvmDataSize,
            "the memory has the profile's geometry");
        Profile = profile;
        _nvm = nvm;
        _random = options?.Random ?? SystemCardRandom.Instance;
        _logger = options?.Logger ?? NullLogger.Instance;
        _throwOnAppletFault = options?.ThrowOnAppletFault ?? false;
        _atr = AnswerToReset.For(profile.Interface);
        _persistedWriteCount = nvm.PersistentWriteCount;
    }

    public CardProfile Profile { get; }

    public bool IsPowered => _activeInterface is not null;

    /// <summary>The interface the card is powered on, or null while unpowered.</summary>
    public InterfaceProfile? ActiveInterface => _activeInterface;

    /// <summary>The ATR of the last power-up (before any, the ATR of the profile's interface).</summary>
    public ReadOnlyMemory<byte> Atr => _atr;

    /// <summary>The protocol of the current (or last) interface as PC/SC reports it.</summary>
    public CardProtocol Protocol => AnswerToReset.ProtocolOf(_activeInterface ?? Profile.Interface);

    /// <summary>The installed applets, in installation order.</summary>
    public IReadOnlyList<InstalledApplet> Applets => _applets.Select(slot => slot.Info).ToList();

    /// <summary>The AID of the selected applet, or null.</summary>
    public ReadOnlyMemory<byte>? SelectedAid => _selected?.Info.Aid;

    /// <summary>The card's non-volatile memory (for inspection; applets see only their regions).</summary>
    public NonVolatileMemory Memory => _nvm;

    /// <summary>Physical writes into the non-volatile memory so far. The difference around a command is its write count.</summary>
    public long PersistentWriteCount => _nvm.PersistentWriteCount;

    /// <summary>The power-loss plan of the card's memory. Setting it restarts the plan's write index at zero.</summary>
    public TearingPlan Tearing
    {
        get => _nvm.Tearing;
        set => _nvm.Tearing = value;
    }

    /// <summary>Transactions that applets left open and the runtime aborted (a sign of an applet bug).</summary>
    public int TransactionsAbortedByRuntime { get; private set; }

    /// <summary>Exceptions other than <see cref="IsoException"/> thrown by applets (answered 6F00 or 6999).</summary>
    public int AppletFaults { get; private set; }

    /// <summary>Commands answered 6581 because persistent memory could not make a write (<see cref="MemoryFailureException"/>).</summary>
    public int MemoryFailures { get; private set; }

    internal ICardPersistence? Persistence { get; set; }

    /// <summary>
    /// Installs an applet: reserves <paramref name="regionSize"/> bytes of non-volatile memory (zeroed) and records
    /// the AID and <paramref name="appletType"/> (the name an <see cref="AppletCatalog"/> uses to re-create it from a
    /// card image). On a powered card the instance is created at once, otherwise at the next power-up.
    /// </summary>
    public InstalledApplet Install(ReadOnlySpan<byte> aid, string appletType, AppletFactory factory, int regionSize)
    {
        if (aid.Length is < MinAidLength or > MaxAidLength)
        {
            throw new ArgumentException($"an AID has {MinAidLength} to {MaxAidLength} bytes; got {aid.Length}", nameof(aid));
        }
        AppletCatalog.ValidateTypeName(appletType);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(regionSize, 1);
        foreach (AppletSlot slot in _applets)
        {
            if (slot.Info.Aid.Span.SequenceEqual(aid))
            {
                throw new InvalidOperationException($"an applet with AID {Convert.ToHexString(aid)} is already installed");
            }
        }
        int offset = _applets.Count == 0 ? 0 : _applets.Max(slot => slot.Info.RegionOffset + slot.Info.RegionSize);
        if (regionSize > _nvm.DataSize - offset)
        {
            throw new InvalidOperationException(
                $"not enough non-volatile memory: the applet needs {regionSize} bytes, {_nvm.DataSize - offset} of {_nvm.DataSize} are free");
        }
        var installed = new InstalledApplet(aid, appletType, offset, regionSize);
        AddSlot(installed, factory);
        _changedSincePersisted = true;
        EmulatorLog.Installed(_logger, installed.AidHex, appletType, regionSize);
        if (IsPowered)
        {
            try
            {
                CreateInstance(_applets[^1]);
            }
            catch (PowerLossException e)
            {
                throw LosePower(e);
            }
        }
        PersistIfChanged();
        ThrowRecordedFault();
        return installed;
    }

    private int _transmitting; // 1 while a command is inside the card (see Transmit)

    /// <summary>
    /// Powers the card up (a powered card is powered down first): recovery of the non-volatile memory, fresh applet
    /// instances, nothing selected. <paramref name="via"/> chooses another interface than the profile's (a
    /// dual-interface card). Returns the ATR. A power loss during recovery throws <see cref="CardRemovedException"/>
    /// and leaves the card unpowered; the next power-up recovers again.
    /// </summary>
    public byte[] PowerOn(InterfaceProfile? via = null)
    {
        InterfaceProfile chosen = via ?? Profile.Interface;
        if (!Enum.IsDefined(chosen))
        {
            throw new ArgumentOutOfRangeException(nameof(via), via, "unknown interface profile");
        }
        if (IsPowered)
        {
            PowerOff();
        }
        try
        {
            bool replayed = _nvm.PowerUp();
            _activeInterface = chosen;
            foreach (AppletSlot slot in _applets)
            {
                CreateInstance(slot);
            }
            _nvm.AssertQuiescent();
            _atr = AnswerToReset.For(chosen);
            EmulatorLog.PoweredOn(_logger, chosen, replayed);
        }
        catch (PowerLossException e)
        {
            throw LosePower(e);
        }
        PersistIfChanged();
        ThrowRecordedFault();
        return (byte[])_atr.Clone();
    }

    /// <summary>
    /// Removes power cleanly: the selected applet is deselected, an open transaction is aborted, transient state is
    /// lost. Never throws for a power loss during deselect: the card simply ends unpowered.
    /// </summary>
    public void PowerOff()
    {
        if (!IsPowered)
        {
            return;
        }
        try
        {
            if (_selected is not null)
            {
                DeselectCurrent();
            }
            _nvm.PowerDown();
            DropVolatileState();
            EmulatorLog.PoweredOff(_logger);
        }
        catch (PowerLossException e)
        {
            LosePower(e);
        }
        PersistIfChanged();
        ThrowRecordedFault();
    }

    /// <summary>A cold reset on the current interface (or the profile's): power off, power on. Returns the ATR.</summary>
    public byte[] Reset()
    {
        InterfaceProfile via = _activeInterface ?? Profile.Interface;
        PowerOff();
        return PowerOn(via);
    }

    /// <summary>
    /// Sends one encoded command APDU and returns the encoded response (data + SW1 SW2, at least two bytes).
    /// Throws <see cref="CardRemovedException"/> when the card is unpowered or loses power during the command.
    /// </summary>
    public byte[] Transmit(ReadOnlySpan<byte> command)
    {
        // A card does one thing at a time; a second host thread mid-command would corrupt the open transaction
        // silently, so it is refused loudly instead (the host code has a bug: it shares one card between threads).
        if (Interlocked.CompareExchange(ref _transmitting, 1, 0) != 0)
        {
            throw new InvalidOperationException(
                "the emulated card got a command while it was still processing another: a card does one thing at a time");
        }
        try
        {
            return TransmitAlone(command);
        }
        finally
        {
            Volatile.Write(ref _transmitting, 0);
        }
    }

    private byte[] TransmitAlone(ReadOnlySpan<byte> command)
    {
        if (!IsPowered)
        {
            throw new CardRemovedException(
                "the emulated card is not powered (removed, or it lost power): power it on before sending commands");
        }
        byte[] response;
        try
        {
            response = Dispatch(command);
            _nvm.AssertQuiescent();
        }
        catch (PowerLossException e)
        {
            throw LosePower(e);
        }
        Invariant.Holds(response.Length >= 2, "every response ends with a status word");
        Invariant.Holds(_selected is null || _applets.Contains(_selected), "the selected applet is installed");
        if (_logger.IsEnabled(LogLevel.Trace))
        {
            EmulatorLog.Exchanged(_logger, Convert.ToHexString(command), Convert.ToHexString(response));
        }
        PersistIfChanged();
        ThrowRecordedFault();
        return response;
    }

    /// <summary>Sends a parsed command APDU; see <see cref="Transmit(ReadOnlySpan{byte})"/>.</summary>
    public ResponseApdu Transmit(CommandApdu command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return ResponseApdu.Parse(Transmit(command.ToBytes()));
    }

    /// <summary>A copy of the whole non-volatile memory image, for a before-image. Not during a command.</summary>
    public NvmSnapshot SnapshotNvm()
    {
        if (_nvm.InTransaction)
        {
            throw new InvalidOperationException("a snapshot cannot be taken while a transaction is open");
        }
        return new NvmSnapshot(_nvm.CopyImage(), _applets.Count);
    }

    /// <summary>Puts a snapshot back. Only while unpowered, and with the applet registry the snapshot was taken with.</summary>
    public void RestoreNvm(NvmSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (IsPowered)
        {
            throw new InvalidOperationException("power the card off before restoring its memory");
        }
        if (snapshot.AppletCount != _applets.Count)
        {
            throw new InvalidOperationException(
                $"the snapshot was taken with {snapshot.AppletCount} applets installed; the card now has {_applets.Count}");
        }
        _nvm.RestoreImage(snapshot.Image);
        _changedSincePersisted = true;
        PersistIfChanged();
    }

    /// <summary>An <see cref="ICardChannel"/> to this card (powering it on if needed).</summary>
    public EmulatedCardChannel OpenChannel(string name = "emulator", bool powerOffOnDispose = true) =>
        new(this, name, powerOffOnDispose);

    private static NonVolatileMemory BlankMemory(CardProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new NonVolatileMemory(profile.NvmDataSize, profile.CommitBufferCapacity);
    }

    internal void AddSlot(InstalledApplet installed, AppletFactory factory) => _applets.Add(new AppletSlot(installed, factory));

    internal void MarkPersisted()
    {
        _persistedWriteCount = _nvm.PersistentWriteCount;
        _changedSincePersisted = false;
    }

    private void PersistIfChanged()
    {
        if (Persistence is null || (!_changedSincePersisted && _persistedWriteCount == _nvm.PersistentWriteCount))
        {
            return;
        }
        Persistence.Persist(this);
        MarkPersisted();
    }

    private void CreateInstance(AppletSlot slot)
    {
        IPersistentMemory region = _nvm.OpenRegion(slot.Info.RegionOffset, slot.Info.RegionSize);
        try
        {
            slot.Instance = slot.Factory(new AppletContext(region, _random));
        }
        catch (Exception e) when (e is not PowerLossException and not EmulatorInvariantException)
        {
            // The applet cannot run this session; SELECT answers 6999 for it. The card itself stays usable.
            slot.Instance = null;
            RecordFault(slot, "creation", e);
        }
        EndOfAppletCode(slot, "creation");
    }

    private CardRemovedException LosePower(PowerLossException cause)
    {
        _fault = null;
        _nvm.PowerDown();
        DropVolatileState();
        EmulatorLog.PowerLost(_logger, cause.Message);
        PersistIfChanged();
        return new CardRemovedException($"the emulated card lost power: {cause.Message}", cause);
    }

    private void DropVolatileState()
    {
        _activeInterface = null;
        _selected = null;
        _pending = null;
        foreach (AppletSlot slot in _applets)
        {
            slot.Instance = null;
        }
    }

    private byte[] Dispatch(ReadOnlySpan<byte> raw)
    {
        InterfaceProfile active = _activeInterface!.Value;
        bool contactless = active == InterfaceProfile.Contactless;
        PendingResponse? pending = _pending;

        // The PC/SC pseudo-APDU is answered by the reader; the card never sees it and keeps what it had pending.
        if (contactless && raw.Length >= 2 && raw[0] == 0xFF && raw[1] == 0xCA)
        {
            return ReaderGetData(raw);
        }
        _pending = null;

        if (raw.Length < 4 || (contactless && raw.Length > ContactlessMaxCommandLength)
            || !CommandApdu.TryParse(raw, out CommandApdu? command) || command is null)
        {
            return StatusOnly(StatusWord.WrongLength);
        }
        byte cla = command.Cla;
        if (cla == 0xFF)
        {
            return StatusOnly(StatusWord.ClassNotSupported);
        }
        if ((cla & 0x40) != 0 || (cla & 0x03) != 0)
        {
            return StatusOnly(StatusWord.LogicalChannelNotSupported);
        }
        if ((cla & 0x0C) != 0)
        {
            return StatusOnly(StatusWord.SecureMessagingNotSupported);
        }

        bool interindustry = (cla & ~0x10) == 0x00;
        // GET RESPONSE comes with CLA 00, or with the class of the command whose answer is pending: hosts that copy
        // the command's CLA (as ISO 7816-4 allows) must reach the pending data, not the applet.
        bool isGetResponse = command.Ins == 0xC0 && (interindustry || (pending is not null && (cla & ~0x10) == pending.Cla));
        bool isSelect = interindustry && command.Ins == 0xA4 && command.P1 == 0x04 && (command.P2 & 0xE3) == 0;
        Applet? target = isGetResponse || isSelect ? null : _selected?.Instance;
        if ((cla & 0x10) != 0 && target is not ICommandChainingApplet)
        {
            return StatusOnly(StatusWord.CommandChainingNotSupported);
        }
        if (command.IsExtended && (contactless || target is not IExtendedLengthApplet))
        {
            return StatusOnly(StatusWord.WrongLength);
        }
        if ((command.Ins & 0xF0) is 0x60 or 0x90)
        {
            return StatusOnly(StatusWord.InstructionNotSupported);
        }
        if (isGetResponse)
        {
            return GetResponse(command, pending);
        }
        if (isSelect)
        {
            return Select(command, active);
        }
        if (_selected is null)
        {
            return StatusOnly(StatusWord.InstructionNotSupported);
        }
        return RunApplet(_selected, command, active, isSelecting: false);
    }

    private byte[] GetResponse(CommandApdu command, PendingResponse? pending)
    {
        if (command.P1 != 0 || command.P2 != 0)
        {
            _pending = pending;
            return StatusOnly(StatusWord.IncorrectP1P2);
        }
        if (command.Nc != 0 || command.Ne == 0)
        {
            _pending = pending;
            return StatusOnly(StatusWord.WrongLength);
        }
        if (pending is null)
        {
            return StatusOnly(StatusWord.ConditionsOfUseNotSatisfied);
        }
        return Deliver(pending.Remaining, pending.FinalStatus, command.Ne, pending.Cla);
    }

    private byte[] Select(CommandApdu command, InterfaceProfile active)
    {
        AppletSlot? match = FindApplet(command.Data.Span);
        if (match is null)
        {
            return StatusOnly(StatusWord.FileOrApplicationNotFound);
        }
        if (_selected is not null)
        {
            DeselectCurrent();
        }
        if (match.Instance is not Applet applet)
        {
            return StatusOnly(new StatusWord(0x6999));
        }
        bool accepted;
        try
        {
            accepted = applet.Select();
        }
        catch (Exception e) when (e is not PowerLossException and not EmulatorInvariantException)
        {
            RecordFault(match, "select", e);
            accepted = false;
        }
        EndOfAppletCode(match, "select");
        if (!accepted)
        {
            return StatusOnly(new StatusWord(0x6999));
        }
        _selected = match;
        return RunApplet(match, command, active, isSelecting: true);
    }

    private AppletSlot? FindApplet(ReadOnlySpan<byte> aid)
    {
        if (aid.Length is < MinAidLength or > MaxAidLength)
        {
            return null;
        }
        foreach (AppletSlot slot in _applets)
        {
            if (slot.Info.Aid.Span.SequenceEqual(aid))
            {
                return slot;
            }
        }
        foreach (AppletSlot slot in _applets)
        {
            if (slot.Info.Aid.Span.StartsWith(aid))
            {
                return slot;
            }
        }
        return null;
    }

    private void DeselectCurrent()
    {
        AppletSlot current = _selected!;
        _selected = null;
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

    private byte[] RunApplet(AppletSlot slot, CommandApdu command, InterfaceProfile active, bool isSelecting)
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
            EmulatorLog.MemoryFailed(_logger, slot.Info.AidHex, e.Message);
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

        // T=0 carries no Le for case 4 (ISO 7816-3 12.2.3): the data can only come back through 61xx and GET RESPONSE.
        bool case4 = command.Case is ApduCase.Case4Short or ApduCase.Case4Extended;
        int ne = active == InterfaceProfile.ContactT0 && case4 ? 0 : command.Ne;
        return Deliver(data.Span, status, ne, command.Cla);
    }

    private void RecordFault(AppletSlot slot, string phase, Exception exception)
    {
        AppletFaults++;
        EmulatorLog.AppletFailed(_logger, exception, slot.Info.AidHex, phase);
        if (_throwOnAppletFault)
        {
            _fault ??= new AppletFaultException(slot.Info.AidHex, phase, exception);
        }
    }

    /// <summary>In <see cref="EmulatedCardOptions.ThrowOnAppletFault"/> mode, throws the fault recorded during the
    /// operation that just ended, once the card's state is clean and saved.</summary>
    private void ThrowRecordedFault()
    {
        if (_fault is AppletFaultException fault)
        {
            _fault = null;
            throw fault;
        }
    }

    /// <summary>After any applet code: a swallowed power loss is still a power loss, and no transaction outlives it.</summary>
    private void EndOfAppletCode(AppletSlot slot, string phase)
    {
        if (!_nvm.IsPowered)
        {
            throw new PowerLossException($"power was lost during applet {slot.Info.AidHex} {phase} (the applet caught the power loss)");
        }
        if (_nvm.InTransaction)
        {
            _nvm.AbortTransaction();
            TransactionsAbortedByRuntime++;
            EmulatorLog.TransactionLeftOpen(_logger, slot.Info.AidHex, phase);
        }
    }

    private byte[] Deliver(ReadOnlySpan<byte> data, StatusWord status, int ne, byte cla)
    {
        if (data.Length <= ne || data.IsEmpty)
        {
            return Concat(data, status);
        }
        byte[] remaining = data[ne..].ToArray();
        _pending = new PendingResponse(remaining, status, (byte)(cla & ~0x10));
        var more = new StatusWord(0x61, remaining.Length >= 256 ? (byte)0 : (byte)remaining.Length);
        byte[] response = Concat(data[..ne], more);
        Invariant.Holds(response.Length - 2 <= Math.Max(ne, 0), "response data never exceeds Ne");
        return response;
    }

    /// <summary>PC/SC part 3 GET DATA (<c>FF CA P1 P2 Le</c>), answered by a contactless reader.</summary>
    private byte[] ReaderGetData(ReadOnlySpan<byte> raw)
    {
        if (!CommandApdu.TryParse(raw, out CommandApdu? command) || command is null || command.Nc != 0 || command.IsExtended)
        {
            return StatusOnly(StatusWord.WrongLength);
        }
        if (command.P2 != 0)
        {
            return StatusOnly(StatusWord.WrongP1P2);
        }
        ReadOnlySpan<byte> data = command.P1 switch
        {
            0x00 => Profile.Uid.Span,
            0x01 => AnswerToReset.HistoricalBytes.Span,
            _ => [],
        };
        if (command.P1 > 0x01)
        {
            return StatusOnly(StatusWord.FunctionNotSupported);
        }
        // Le = 00 (or, leniently, no Le) asks for everything.
        int ne = command.Ne is 0 or 256 ? data.Length : command.Ne;
        if (ne < data.Length)
        {
            return StatusOnly(new StatusWord(0x6C, (byte)data.Length));
        }
        return Concat(data, ne > data.Length ? StatusWord.EndOfFileReached : StatusWord.Success);
    }

    private static byte[] StatusOnly(StatusWord status) => [status.Sw1, status.Sw2];

    private static byte[] Concat(ReadOnlySpan<byte> data, StatusWord status)
    {
        var response = new byte[data.Length + 2];
        data.CopyTo(response);
        response[^2] = status.Sw1;
        response[^1] = status.Sw2;
        return response;
    }

    private sealed class AppletSlot(InstalledApplet info, AppletFactory factory)
    {
        public InstalledApplet Info { get; } = info;

        public AppletFactory Factory { get; } = factory;

        /// <summary>The instance of this power session; null while unpowered or when its factory failed.</summary>
        public Applet? Instance { get; set; }
    }
}
