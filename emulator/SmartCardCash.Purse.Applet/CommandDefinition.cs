using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Purse.Applet;

/// <summary>The common-check facts of one CLA 80 command (spec 5.0): where it is allowed, its P1 P2, its data.</summary>
internal sealed record CommandDefinition(
    string Name,
    byte Instruction,
    Lifecycles AllowedIn,
    Func<byte, byte, bool> ParametersAreValid,
    DataRule Data)
{
    public bool IsAllowedIn(PurseLifecycle lifecycle) => lifecycle switch
    {
        PurseLifecycle.Personalisation => AllowedIn.HasFlag(Lifecycles.Personalisation),
        PurseLifecycle.Issued => AllowedIn.HasFlag(Lifecycles.Issued),
        PurseLifecycle.Blocked => AllowedIn.HasFlag(Lifecycles.Blocked),
        PurseLifecycle.Terminated => AllowedIn.HasFlag(Lifecycles.Terminated),
        _ => false,
    };
}
