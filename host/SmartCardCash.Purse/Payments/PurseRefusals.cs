using SmartCardCash.Iso7816;
using SmartCardCash.Purse.Errors;

namespace SmartCardCash.Purse.Payments;

/// <summary>What a purse's error status word means for a command, in the plain words <see cref="PurseCard"/> uses.</summary>
public static class PurseRefusals
{
    /// <summary>"this payment would take bob above its maximum balance" for START TO and 9402.</summary>
    public static string Describe(PurseCommand command, StatusWord statusWord, string purseName) =>
        PurseErrors.Map(command, statusWord, purseName).Message;
}
