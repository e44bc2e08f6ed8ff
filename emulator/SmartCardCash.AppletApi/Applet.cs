namespace SmartCardCash.AppletApi;

/// <summary>
/// An application on the emulated card, in the manner of <c>javacard.framework.Applet</c>.
/// </summary>
/// <remarks>
/// The runtime creates a fresh instance at every power-up through the <see cref="AppletFactory"/> it was installed
/// with. So every C# field of an applet is transient by construction: state that must survive power loss lives only in
/// <see cref="AppletContext.Memory"/>, and only writes there are subject to transactions and tearing.
/// An applet signals a status word by throwing <see cref="IsoException"/>; any other exception becomes 6F00 and the
/// open transaction is aborted. Applets must never catch <see cref="PowerLossException"/>.
/// </remarks>
public abstract class Applet
{
    /// <summary>Called when a SELECT by AID chooses this applet. Returning false makes the runtime answer 6999.</summary>
    public virtual bool Select() => true;

    /// <summary>Called when another applet is selected, or before power-off. Clear session state here.</summary>
    public virtual void Deselect()
    {
    }

    /// <summary>Processes one command APDU, including the SELECT that selected this applet (<see cref="ApduContext.IsSelecting"/>).</summary>
    public abstract void Process(ApduContext apdu);
}
