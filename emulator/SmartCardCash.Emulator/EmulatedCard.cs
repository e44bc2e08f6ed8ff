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
/// <para>A host reaches the card through a reader, <see cref="EmulatedReader"/> (used by <see cref="EmulatedCardChannel"/>
/// and the vpcd bridge), which answers the contactless <c>FF CA</c> pseudo-APDU itself; the card never sees it.</para>
/// <para><b>Dispatch</b> (<see cref="CommandDispatcher"/>), in this order, for every command APDU; every command
/// discards data pending for GET RESPONSE, except the GET RESPONSE errors named below:</para>
/// <list type="number">
/// <item>Fewer than 4 bytes, or lengths that do not add up → 6700. Contactless: more than
/// <see cref="ContactlessMaxCommandLength"/> bytes → 6700 (the card's contactless APDU buffer holds one short APDU).</item>
/// <item>CLA FF (a reader's pseudo-APDU class) → 6E00.</item>
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
/// <para><b>Response delivery</b> (<see cref="ResponseDelivery"/>, all interfaces): response data never exceeds Ne.
/// Longer data — also when Le is absent (Ne = 0) — is kept and answered with 61xx (xx = bytes waiting, 00 = 256 or
/// more); GET RESPONSE returns the next Le bytes, then 61xx again or the applet's own status word. GET RESPONSE with
/// nothing pending → 6985, with P1P2 ≠ 0000 → 6A86, without Le or with data → 6700 (those errors keep the pending
/// data). On T=0 a case 4 command carries no Le on the wire (ISO 7816-3 12.2.3), so its data always comes back
/// through 61xx; the applet still sees the command as sent. Shorter data than Ne is returned as is (no 6Cxx).</para>
/// <para><b>Exceptions</b> (<see cref="AppletRuntime"/>): <see cref="IsoException"/> → its status word, no data.
/// <see cref="PowerLossException"/> → the card is unpowered and <see cref="Transmit(ReadOnlySpan{byte})"/> throws
/// <see cref="CardRemovedException"/> until <see cref="PowerOn"/>. <see cref="MemoryFailureException"/> (a full commit
/// buffer, <see cref="TransactionBufferFullException"/>, or a failing memory backend) → 6581, the open transaction is
/// aborted, counted in <see cref="MemoryFailures"/>, not an applet fault. Any other exception from an applet → 6F00 and
/// the open transaction is aborted. A transaction an applet leaves open is aborted (Java Card semantics) and counted in
/// <see cref="TransactionsAbortedByRuntime"/>. No other exception leaves <see cref="Transmit(ReadOnlySpan{byte})"/>
/// for any input bytes, except <see cref="EmulatorInvariantException"/>, which means an emulator bug, and, when
/// <see cref="EmulatedCardOptions.ThrowOnAppletFault"/> is set for tests, <see cref="AppletFaultException"/>.</para>
/// <para><b>Transient state</b>: applet instances are created by their factories at every power-up, so their C#
/// fields are transient; the pending response and the selection are lost at power-off too.</para>
/// <para><b>Persistence</b> (<see cref="PersistenceTracker"/>): a card opened from a card image saves itself after
/// every operation that changed its memory or its applet registry.</para>
/// </remarks>
public sealed class EmulatedCard
{
    /// <summary>Longest command accepted on the contactless interface: one short APDU (4 + 1 + 255 + 1 bytes).</summary>
    public const int ContactlessMaxCommandLength = 261;

    private readonly NonVolatileMemory _nvm;
    private readonly AppletRuntime _applets;
    private readonly ResponseDelivery _responses = new();
    private readonly CommandDispatcher _dispatcher;
    private readonly PersistenceTracker _persistence;
    private InterfaceProfile? _activeInterface;
    private byte[] _atr;
    private int _transmitting; // 1 while a command is inside the card (see Transmit)

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
        Logger = options?.Logger ?? NullLogger.Instance;
        _applets = new AppletRuntime(nvm, options?.Random ?? SystemCardRandom.Instance, Logger, options?.ThrowOnAppletFault ?? false);
        _dispatcher = new CommandDispatcher(_applets, _responses);
        _persistence = new PersistenceTracker(nvm);
        _atr = AnswerToReset.For(profile.Interface);
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
    public IReadOnlyList<InstalledApplet> Applets => _applets.Slots.Select(slot => slot.Info).ToList();

    /// <summary>The AID of the selected applet, or null.</summary>
    public ReadOnlyMemory<byte>? SelectedAid => _applets.Selected?.Info.Aid;

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
    public int TransactionsAbortedByRuntime => _applets.TransactionsAbortedByRuntime;

    /// <summary>Exceptions other than <see cref="IsoException"/> thrown by applets (answered 6F00 or 6999).</summary>
    public int AppletFaults => _applets.AppletFaults;

    /// <summary>Commands answered 6581 because persistent memory could not make a write (<see cref="MemoryFailureException"/>).</summary>
    public int MemoryFailures => _applets.MemoryFailures;

    /// <summary>Where the card's exchanges and power events are logged (the reader logs its own answers here too).</summary>
    internal ILogger Logger { get; }

    internal ICardPersistence? Persistence
    {
        get => _persistence.Target;
        set => _persistence.Target = value;
    }

    /// <summary>
    /// Installs an applet: reserves <paramref name="regionSize"/> bytes of non-volatile memory (zeroed) and records
    /// the AID and <paramref name="appletType"/> (the name an <see cref="AppletCatalog"/> uses to re-create it from a
    /// card image). On a powered card the instance is created at once, otherwise at the next power-up.
    /// </summary>
    public InstalledApplet Install(ReadOnlySpan<byte> aid, string appletType, AppletFactory factory, int regionSize)
    {
        if (aid.Length is < AppletRuntime.MinAidLength or > AppletRuntime.MaxAidLength)
        {
            throw new ArgumentException(
                $"an AID has {AppletRuntime.MinAidLength} to {AppletRuntime.MaxAidLength} bytes; got {aid.Length}", nameof(aid));
        }
        AppletCatalog.ValidateTypeName(appletType);
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentOutOfRangeException.ThrowIfLessThan(regionSize, 1);
        if (_applets.IsInstalled(aid))
        {
            throw new InvalidOperationException($"an applet with AID {Convert.ToHexString(aid)} is already installed");
        }
        int offset = _applets.NextRegionOffset;
        if (regionSize > _nvm.DataSize - offset)
        {
            throw new InvalidOperationException(
                $"not enough non-volatile memory: the applet needs {regionSize} bytes, {_nvm.DataSize - offset} of {_nvm.DataSize} are free");
        }
        var installed = new InstalledApplet(aid, appletType, offset, regionSize);
        AppletSlot slot = _applets.Add(installed, factory);
        _persistence.MarkChanged();
        EmulatorLog.Installed(Logger, installed.AidHex, appletType, regionSize);
        if (IsPowered)
        {
            try
            {
                _applets.CreateInstance(slot);
            }
            catch (PowerLossException e)
            {
                throw LosePower(e);
            }
        }
        EndOfOperation();
        return installed;
    }

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
            _applets.CreateInstances();
            _nvm.AssertQuiescent();
            _atr = AnswerToReset.For(chosen);
            EmulatorLog.PoweredOn(Logger, chosen, replayed);
        }
        catch (PowerLossException e)
        {
            throw LosePower(e);
        }
        EndOfOperation();
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
            if (_applets.Selected is not null)
            {
                _applets.DeselectCurrent();
            }
            _nvm.PowerDown();
            DropVolatileState();
            EmulatorLog.PoweredOff(Logger);
        }
        catch (PowerLossException e)
        {
            LosePower(e);
        }
        EndOfOperation();
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
        return new NvmSnapshot(_nvm.CopyImage(), _applets.Slots.Count);
    }

    /// <summary>Puts a snapshot back. Only while unpowered, and with the applet registry the snapshot was taken with.</summary>
    public void RestoreNvm(NvmSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (IsPowered)
        {
            throw new InvalidOperationException("power the card off before restoring its memory");
        }
        if (snapshot.AppletCount != _applets.Slots.Count)
        {
            throw new InvalidOperationException(
                $"the snapshot was taken with {snapshot.AppletCount} applets installed; the card now has {_applets.Slots.Count}");
        }
        _nvm.RestoreImage(snapshot.Image);
        _persistence.MarkChanged();
        _persistence.PersistIfChanged(this);
    }

    /// <summary>An <see cref="ICardChannel"/> to this card (powering it on if needed).</summary>
    public EmulatedCardChannel OpenChannel(string name = "emulator", bool powerOffOnDispose = true) =>
        new(this, name, powerOffOnDispose);

    /// <summary>Registers an applet read from a card image (its region is in the image already).</summary>
    internal void AddSlot(InstalledApplet installed, AppletFactory factory) => _applets.Add(installed, factory);

    internal void MarkPersisted() => _persistence.MarkPersisted();

    private static NonVolatileMemory BlankMemory(CardProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return new NonVolatileMemory(profile.NvmDataSize, profile.CommitBufferCapacity);
    }

    private byte[] TransmitAlone(ReadOnlySpan<byte> command)
    {
        if (_activeInterface is not InterfaceProfile active)
        {
            throw new CardRemovedException(
                "the emulated card is not powered (removed, or it lost power): power it on before sending commands");
        }
        byte[] response;
        try
        {
            response = _dispatcher.Dispatch(command, active);
            _nvm.AssertQuiescent();
        }
        catch (PowerLossException e)
        {
            throw LosePower(e);
        }
        Invariant.Holds(response.Length >= 2, "every response ends with a status word");
        Invariant.Holds(_applets.Selected is null || _applets.Slots.Contains(_applets.Selected), "the selected applet is installed");
        if (Logger.IsEnabled(LogLevel.Trace))
        {
            EmulatorLog.Exchanged(Logger, Convert.ToHexString(command), Convert.ToHexString(response));
        }
        EndOfOperation();
        return response;
    }

    /// <summary>Every operation ends the same way: saved if it changed the card, then an applet fault thrown in test mode.</summary>
    private void EndOfOperation()
    {
        _persistence.PersistIfChanged(this);
        _applets.ThrowRecordedFault();
    }

    private CardRemovedException LosePower(PowerLossException cause)
    {
        _applets.ForgetFault();
        _nvm.PowerDown();
        DropVolatileState();
        EmulatorLog.PowerLost(Logger, cause.Message);
        _persistence.PersistIfChanged(this);
        return new CardRemovedException($"the emulated card lost power: {cause.Message}", cause);
    }

    private void DropVolatileState()
    {
        _activeInterface = null;
        _responses.Clear();
        _applets.DropInstances();
    }
}
