using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>
/// The SmartCardCash purse (applet-spec/purse-applet.md). Install it under <see cref="PurseAid.Value"/> with a
/// persistent region of at least <see cref="PersistentMemorySize"/> bytes and the factory <see cref="Factory"/>.
/// </summary>
/// <remarks>
/// This class does the common checks of spec 5.0 and dispatches; the protocol lives in
/// <see cref="TransferStateMachine"/>. The runtime creates a new instance at every power-up, so the fields here are
/// transient by construction; everything that persists goes through <see cref="PurseStore"/>. A fresh (all-zero)
/// region is formatted on the first command, like a Java Card applet's <c>install</c>.
/// </remarks>
public sealed class PurseApplet : SmartCardCash.AppletApi.Applet
{
    /// <summary>The persistent memory the purse needs: the total of spec 8.1.</summary>
    public const int PersistentMemorySize = PurseLayout.Size;

    private readonly PurseStore _store;
    private readonly PurseSession _session = new();
    private readonly PurseInvariants _invariants;
    private readonly AtomicUpdate _atomic;
    private readonly TransferStateMachine _transfers;
    private readonly PersonalisationCommands _personalisation;
    private readonly CounterpartyVerification _counterparty;
    private readonly LockCodeCommands _lockCode;
    private readonly IssuerCommands _issuer;
    private readonly InformationCommands _information;

    private PurseApplet(AppletContext context, IPurseCrypto crypto)
    {
        if (context.Memory.Size < PersistentMemorySize)
        {
            throw new ArgumentException(
                $"the purse needs {PersistentMemorySize} bytes of persistent memory; the region has {context.Memory.Size}.",
                nameof(context));
        }
        _store = new PurseStore(context.Memory);
        _invariants = new PurseInvariants(_store);
        _atomic = new AtomicUpdate(context.Memory, _invariants);
        _transfers = new TransferStateMachine(_store, _session, _atomic, crypto);
        _personalisation = new PersonalisationCommands(_store, _atomic, crypto, context.Random);
        _counterparty = new CounterpartyVerification(_store, _session, _atomic, crypto);
        _lockCode = new LockCodeCommands(_store, _session, _atomic);
        _issuer = new IssuerCommands(_store, _atomic, _invariants, _transfers, crypto);
        _information = new InformationCommands(_store, _session, _atomic, _transfers, crypto);
    }

    /// <summary>For <c>Install(PurseAid, PurseApplet.Factory, PurseApplet.PersistentMemorySize)</c>.</summary>
    public static AppletFactory Factory { get; } = Create;

    public static PurseApplet Create(AppletContext context) => Create(context, P256.Shared);

    /// <summary>With another cryptography (tests record what the applet signs).</summary>
    internal static PurseApplet Create(AppletContext context, IPurseCrypto crypto)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(crypto);
        return new PurseApplet(context, crypto);
    }

    /// <summary>Transient state is cleared at every SELECT (spec 5.1).</summary>
    public override bool Select()
    {
        _session.Clear();
        return true;
    }

    public override void Deselect() => _session.Clear();

    public override void Process(ApduContext apdu)
    {
        ArgumentNullException.ThrowIfNull(apdu);
        try
        {
            Dispatch(apdu);
        }
        catch (Exception e) when (e is not PowerLossException)
        {
            // A refused or failed command leaves nothing half-written. (A refused START has committed its abort
            // already, so nothing is open here then.)
            _atomic.AbortIfOpen();
            throw;
        }
    }

    /// <summary>The common checks of spec 5.0, in their order, then the command.</summary>
    private void Dispatch(ApduContext apdu)
    {
        CommandApdu command = apdu.Command;
        CheckClassByte(command.Cla);
        Refuse(command.IsExtended, StatusWord.WrongLength);
        if (command.Cla == PurseInstruction.InterindustryClass)
        {
            DispatchInterindustry(apdu);
            return;
        }
        Refuse(command.Cla != PurseInstruction.ProprietaryClass, StatusWord.ClassNotSupported);
        CommandDefinition definition = CommandTable.Find(command.Ins) ?? throw new IsoException(StatusWord.InstructionNotSupported);

        EnsureInstalled();
        _invariants.BeginCommand();
        PurseLifecycle lifecycle = _store.Lifecycle;
        Refuse(!definition.IsAllowedIn(lifecycle), StatusWord.ConditionsOfUseNotSatisfied);
        Refuse(!definition.ParametersAreValid(command.P1, command.P2), StatusWord.IncorrectP1P2);
        CheckDataPresence(definition.Data, lifecycle, command.Nc);
        Execute(apdu, lifecycle);
        _invariants.Check();
    }

    private void Execute(ApduContext apdu, PurseLifecycle lifecycle)
    {
        CommandApdu command = apdu.Command;
        ReadOnlySpan<byte> data = command.Data.Span;
        switch (command.Ins)
        {
            case PurseInstruction.GetData:
                apdu.Respond(_information.GetData((PurseDataObject)command.P2));
                break;
            case PurseInstruction.GenerateKeyPair:
                apdu.Respond(_personalisation.GenerateKeyPair());
                break;
            case PurseInstruction.PutData:
                _personalisation.PutData((PersonalisationObject)command.P2, data);
                break;
            case PurseInstruction.Activate when lifecycle == PurseLifecycle.Personalisation:
                _personalisation.Activate();
                break;
            case PurseInstruction.Activate:
                _issuer.Execute(MessageType.Activate, data);
                break;
            case PurseInstruction.VerifyCertificate:
                _counterparty.Verify(data);
                break;
            case PurseInstruction.StartFrom:
                apdu.Respond(_transfers.StartFrom(CommandData.ParseStart(data), apdu.Interface));
                break;
            case PurseInstruction.StartTo:
                apdu.Respond(_transfers.StartTo(CommandData.ParseStart(data)));
                break;
            case PurseInstruction.Req:
                apdu.Respond(_transfers.Req(CommandData.ParsePaymentMessage(data)));
                break;
            case PurseInstruction.Val:
                apdu.Respond(_transfers.Val(CommandData.ParsePaymentMessage(data)));
                break;
            case PurseInstruction.Ack:
                _transfers.Ack(CommandData.ParsePaymentMessage(data));
                break;
            case PurseInstruction.Abort:
                _transfers.Abort();
                break;
            case PurseInstruction.Resume:
                apdu.Respond(_transfers.Resume());
                break;
            case PurseInstruction.ReadLog:
                apdu.Respond(_information.ReadLog((PurseLogKind)command.P2, command.P1));
                break;
            case PurseInstruction.VerifyLockCode:
                _lockCode.Verify(data);
                break;
            case PurseInstruction.ChangeLockCode:
                _lockCode.Change(data);
                break;
            case PurseInstruction.Lock:
                _lockCode.SetLocked(data, locked: true);
                break;
            case PurseInstruction.Unlock:
                _lockCode.SetLocked(data, locked: false);
                break;
            case PurseInstruction.Mint:
                _issuer.Execute(MessageType.Mint, data);
                break;
            case PurseInstruction.ClearExceptionLog:
                _issuer.Execute(MessageType.ClearExceptionLog, data);
                break;
            case PurseInstruction.Deactivate:
                _issuer.Execute(MessageType.Deactivate, data);
                break;
            case PurseInstruction.Terminate:
                _issuer.Execute(MessageType.Terminate, data);
                break;
            case PurseInstruction.ResetLockCode:
                _issuer.Execute(MessageType.ResetLockCode, data);
                break;
            default:
                throw new IsoException(StatusWord.InstructionNotSupported);
        }
    }

    /// <summary>SELECT and GET RESPONSE (CLA 00).</summary>
    private void DispatchInterindustry(ApduContext apdu)
    {
        CommandApdu command = apdu.Command;
        switch (command.Ins)
        {
            case PurseInstruction.Select when apdu.IsSelecting:
                _session.Clear();
                EnsureInstalled();
                _invariants.BeginCommand();
                Refuse(command.P1 != 0x04 || command.P2 != 0x00, StatusWord.IncorrectP1P2);
                PurseLifecycle lifecycle = _store.Lifecycle;
                Refuse(lifecycle == PurseLifecycle.Terminated, PurseStatusWords.PurseTerminated);
                apdu.Respond(_information.Fci(), lifecycle == PurseLifecycle.Blocked ? PurseStatusWords.PurseBlocked : null);
                _invariants.Check();
                break;
            case PurseInstruction.Select:
                // A SELECT the runtime did not resolve to an application reaches the selected one (as on Java Card).
                Refuse(command.P1 != 0x04 || command.P2 != 0x00, StatusWord.IncorrectP1P2);
                throw new IsoException(StatusWord.FileOrApplicationNotFound);
            case PurseInstruction.GetResponse:
                // The runtime answers GET RESPONSE when it holds data; reaching the applet means nothing is pending.
                Refuse(command.P1 != 0x00 || command.P2 != 0x00, StatusWord.IncorrectP1P2);
                Refuse(command.Nc != 0, StatusWord.WrongLength);
                throw new IsoException(StatusWord.ConditionsOfUseNotSatisfied);
            default:
                throw new IsoException(StatusWord.InstructionNotSupported);
        }
    }

    /// <summary>
    /// Spec 5.0, precisely: CLA FF is invalid (6E00); logical channels are CLA b2b1 ≠ 00 or b7 set — 40–7F and C0–FE,
    /// as a Java Card runtime reads the proprietary classes too (6881); secure messaging b4b3 ≠ 00 (6882); chaining b5
    /// (6884). On a card the runtime answers these first; a host over another memory relies on the applet.
    /// </summary>
    private static void CheckClassByte(byte cla)
    {
        Refuse(cla == 0xFF, StatusWord.ClassNotSupported);
        Refuse((cla & 0x03) != 0 || (cla & 0x40) != 0, StatusWord.LogicalChannelNotSupported);
        Refuse((cla & 0x0C) != 0, StatusWord.SecureMessagingNotSupported);
        Refuse((cla & 0x10) != 0, StatusWord.CommandChainingNotSupported);
    }

    private static void CheckDataPresence(DataRule rule, PurseLifecycle lifecycle, int nc)
    {
        bool wrong = rule switch
        {
            DataRule.None => nc != 0,
            DataRule.Required => nc == 0,
            DataRule.Optional => false,
            DataRule.NoneWhilePersonalising => lifecycle == PurseLifecycle.Personalisation ? nc != 0 : nc == 0,
            _ => true,
        };
        Refuse(wrong, StatusWord.WrongLength);
    }

    /// <summary>Formats an all-zero region: the install step of a Java Card applet.</summary>
    private void EnsureInstalled()
    {
        if (_store.IsFormatted)
        {
            return;
        }
        if (_store.LayoutVersion != 0)
        {
            throw new InvalidOperationException(
                $"the persistent region holds layout version {_store.LayoutVersion:X2}; this purse reads version {PurseLayout.CurrentVersion:X2}.");
        }
        _invariants.BeginCommand();
        _atomic.Begin();
        _store.Format();
        _atomic.Commit();
    }

    private static void Refuse(bool refused, StatusWord statusWord)
    {
        if (refused)
        {
            throw new IsoException(statusWord);
        }
    }
}
