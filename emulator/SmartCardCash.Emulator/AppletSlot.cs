using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator;

/// <summary>One installed applet as the runtime holds it: its registry entry, its factory and this power session's instance.</summary>
internal sealed class AppletSlot(InstalledApplet info, AppletFactory factory)
{
    public InstalledApplet Info { get; } = info;

    public AppletFactory Factory { get; } = factory;

    /// <summary>The instance of this power session; null while unpowered or when its factory failed.</summary>
    public Applet? Instance { get; set; }
}
