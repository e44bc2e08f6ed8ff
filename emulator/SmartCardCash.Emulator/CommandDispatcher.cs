using SmartCardCash.AppletApi;
using SmartCardCash.Iso7816;

namespace SmartCardCash.Emulator;

/// <summary>
/// Where one command APDU goes inside the card, in the order <see cref="EmulatedCard"/> documents: the length and
/// class-byte checks, then GET RESPONSE and SELECT (the runtime's), then the selected applet.
/// </summary>
internal sealed class CommandDispatcher(AppletRuntime applets, ResponseDelivery responses)
{
    public byte[] Dispatch(ReadOnlySpan<byte> raw, InterfaceProfile active)
    {
        bool contactless = active == InterfaceProfile.Contactless;
        PendingResponse? pending = responses.Take();

        if (raw.Length < 4 || (contactless && raw.Length > EmulatedCard.ContactlessMaxCommandLength)
            || !CommandApdu.TryParse(raw, out CommandApdu? command) || command is null)
        {
            return ResponseBytes.StatusOnly(StatusWord.WrongLength);
        }
        byte cla = command.Cla;
        if (cla == 0xFF)
        {
            // Reader pseudo-APDUs (PC/SC part 3) never reach a card; one that gets here is a class it does not know.
            return ResponseBytes.StatusOnly(StatusWord.ClassNotSupported);
        }
        if ((cla & 0x40) != 0 || (cla & 0x03) != 0)
        {
            return ResponseBytes.StatusOnly(StatusWord.LogicalChannelNotSupported);
        }
        if ((cla & 0x0C) != 0)
        {
            return ResponseBytes.StatusOnly(StatusWord.SecureMessagingNotSupported);
        }

        bool interindustry = (cla & ~0x10) == 0x00;
        // GET RESPONSE comes with CLA 00, or with the class of the command whose answer is pending: hosts that copy
        // the command's CLA (as ISO 7816-4 allows) must reach the pending data, not the applet.
        bool isGetResponse = command.Ins == 0xC0 && (interindustry || (pending is not null && (cla & ~0x10) == pending.Cla));
        bool isSelect = interindustry && command.Ins == 0xA4 && command.P1 == 0x04 && (command.P2 & 0xE3) == 0;
        Applet? target = isGetResponse || isSelect ? null : applets.Selected?.Instance;
        if ((cla & 0x10) != 0 && target is not ICommandChainingApplet)
        {
            return ResponseBytes.StatusOnly(StatusWord.CommandChainingNotSupported);
        }
        if (command.IsExtended && (contactless || target is not IExtendedLengthApplet))
        {
            return ResponseBytes.StatusOnly(StatusWord.WrongLength);
        }
        if ((command.Ins & 0xF0) is 0x60 or 0x90)
        {
            return ResponseBytes.StatusOnly(StatusWord.InstructionNotSupported);
        }
        if (isGetResponse)
        {
            return responses.GetResponse(command, pending);
        }
        if (isSelect)
        {
            return Select(command, active);
        }
        if (applets.Selected is not AppletSlot selected)
        {
            return ResponseBytes.StatusOnly(StatusWord.InstructionNotSupported);
        }
        return Run(selected, command, active, isSelecting: false);
    }

    private byte[] Select(CommandApdu command, InterfaceProfile active)
    {
        AppletSlot? match = applets.Find(command.Data.Span);
        if (match is null)
        {
            return ResponseBytes.StatusOnly(StatusWord.FileOrApplicationNotFound);
        }
        if (applets.Selected is not null)
        {
            applets.DeselectCurrent();
        }
        if (!applets.Select(match))
        {
            return ResponseBytes.StatusOnly(new StatusWord(0x6999));
        }
        return Run(match, command, active, isSelecting: true);
    }

    private byte[] Run(AppletSlot slot, CommandApdu command, InterfaceProfile active, bool isSelecting)
    {
        (ReadOnlyMemory<byte> data, StatusWord status) = applets.Process(slot, command, active, isSelecting);
        return responses.Deliver(data.Span, status, command, active);
    }
}
