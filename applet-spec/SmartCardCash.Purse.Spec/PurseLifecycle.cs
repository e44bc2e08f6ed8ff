namespace SmartCardCash.Purse.Spec;

/// <summary>Lifecycle states of the purse (spec 1.3).</summary>
public enum PurseLifecycle : byte
{
    Personalisation = 0x01,
    Issued = 0x07,
    Blocked = 0x0F,
    Terminated = 0xFF,
}
