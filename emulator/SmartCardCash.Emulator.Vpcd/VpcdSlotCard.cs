using Microsoft.Extensions.Logging;
using SmartCardCash.Emulator.Memory;
using SmartCardCash.Iso7816.Errors;

namespace SmartCardCash.Emulator.Vpcd;

/// <summary>
/// The card end of one slot: answers vpcd's power and ATR controls, and passes command APDUs through the card's
/// reader (<see cref="EmulatedReader"/>) to the card, tearing them as the slot's plan says. Used by the slot's task only.
/// </summary>
internal sealed class VpcdSlotCard(VpcdBridge owner, EmulatedCard card, VpcdSlotCounters counters, VpcdSlotTearing tearing)
{
    private static readonly byte[] AppletFaultResponse = [0x6F, 0x00];

    /// <summary>Answers a control message. Returns the reply (only for get ATR) and whether the card lost power.</summary>
    public (byte[]? Reply, bool LostPower) HandleControl(byte control)
    {
        switch (control)
        {
            case VpcdControl.PowerOff:
                counters.PowerDown();
                VpcdLog.ControlReceived(owner.Logger, owner.Slot, owner.CardName, "power off");
                PowerOff();
                return (null, false);
            case VpcdControl.PowerOn:
                counters.PowerUp();
                VpcdLog.ControlReceived(owner.Logger, owner.Slot, owner.CardName, "power on");
                return (null, !PowerOn());
            case VpcdControl.Reset:
                counters.Reset();
                VpcdLog.ControlReceived(owner.Logger, owner.Slot, owner.CardName, "reset");
                PowerOff();
                return (null, !PowerOn());
            case VpcdControl.GetAtr:
                counters.AtrRequest();
                byte[] atr = owner.AtrBytes;
                if (owner.Logger.IsEnabled(LogLevel.Trace))
                {
                    VpcdLog.AtrAnswered(owner.Logger, owner.Slot, owner.CardName, Convert.ToHexString(atr));
                }
                // The ATR of the slot's interface, whether or not the card is powered: answering a poll changes nothing.
                return (atr, false);
            default:
                VpcdLog.UnknownControl(owner.Logger, owner.Slot, owner.CardName, control);
                return (null, false);
        }
    }

    /// <summary>Runs one command APDU, tearing it if the plan says so. Returns the response to send (null: none)
    /// and whether to pull the card out afterwards.</summary>
    public (byte[]? Response, bool Remove) HandleApdu(byte[] command)
    {
        long number = counters.ApduReceived();
        VpcdTearAction? tear = tearing.Next();
        if (tear is { Point: VpcdTearPoint.BeforeCommand })
        {
            PowerOff();
            tearing.Report(number, VpcdTearPoint.BeforeCommand, powerLostAtWrite: false, command);
            return (null, true);
        }
        if (!card.IsPowered)
        {
            // pcscd powers the card before using it; a command to an unpowered card is answered all the same.
            VpcdLog.ImplicitPowerOn(owner.Logger, owner.Slot, owner.CardName);
            if (!PowerOn())
            {
                tearing.Report(number, VpcdTearPoint.BeforeCommand, powerLostAtWrite: true, command);
                return (null, true);
            }
        }

        TearingPlan? cardPlan = null;
        if (tear is { Point: VpcdTearPoint.DuringCommand } during)
        {
            cardPlan = card.Tearing;
            card.Tearing = TearingPlan.AtWrite(during.WriteIndex, during.BytesWritten);
        }
        byte[] response;
        try
        {
            response = CallCard(() => EmulatedReader.Transmit(card, command));
        }
        catch (CardRemovedException)
        {
            counters.ApduForwarded();
            tearing.Report(number, VpcdTearPoint.DuringCommand, powerLostAtWrite: true, command);
            return (null, true);
        }
        catch (AppletFaultException e)
        {
            // The card was built to throw applet faults (tests); a real card answers 6F00, and so does the slot.
            ReportAppletFault(e);
            response = AppletFaultResponse;
        }
        finally
        {
            if (cardPlan is not null)
            {
                card.Tearing = cardPlan;
            }
        }
        counters.ApduForwarded();

        if (tear is { Point: VpcdTearPoint.DuringCommand })
        {
            // The command did fewer writes than the chosen index: power goes before the answer is out.
            PowerOff();
            tearing.Report(number, VpcdTearPoint.DuringCommand, powerLostAtWrite: false, command);
            return (null, true);
        }
        if (response.Length > VpcdFraming.MaxPayloadLength)
        {
            VpcdLog.ResponseTooLong(owner.Logger, owner.Slot, owner.CardName, number, response.Length);
            response = AppletFaultResponse;
        }
        if (owner.Logger.IsEnabled(LogLevel.Trace))
        {
            VpcdLog.Exchanged(owner.Logger, owner.Slot, owner.CardName, number, Convert.ToHexString(command), Convert.ToHexString(response));
        }
        owner.RaiseApduExchanged(new VpcdApduEventArgs(owner.Slot, number, command, response));
        if (tear is { Point: VpcdTearPoint.AfterResponse })
        {
            tearing.Report(number, VpcdTearPoint.AfterResponse, powerLostAtWrite: false, command);
            return (response, true);
        }
        return (response, false);
    }

    /// <summary>Powers the card on through the slot's interface; false when it lost power during recovery.</summary>
    public bool PowerOn()
    {
        try
        {
            CallCard(() => card.PowerOn(owner.Interface));
            return true;
        }
        catch (CardRemovedException)
        {
            counters.Torn();
            return false;
        }
        catch (AppletFaultException e)
        {
            // An applet's constructor failed; the card is powered and answers 6999 for that applet.
            ReportAppletFault(e);
            return true;
        }
    }

    public void PowerOff()
    {
        if (!card.IsPowered)
        {
            return;
        }
        try
        {
            CallCard(() =>
            {
                card.PowerOff();
                return true;
            });
        }
        catch (AppletFaultException e)
        {
            // An applet's deselect failed; the card is off all the same.
            ReportAppletFault(e);
        }
    }

    private void ReportAppletFault(AppletFaultException exception)
    {
        VpcdLog.AppletFault(owner.Logger, exception, owner.Slot, owner.CardName);
        owner.RaiseFaulted(new VpcdSlotFaultEventArgs(owner.Slot, exception, slotStopped: false));
    }

    /// <summary>Calls the card; a power loss and an applet fault pass through, anything else stops the slot.</summary>
    private T CallCard<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not CardRemovedException and not AppletFaultException)
        {
            throw new CardFaultException($"slot {owner.Slot} ({owner.CardName}): the emulated card failed: {e.Message}", e);
        }
    }
}
