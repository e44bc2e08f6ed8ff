using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Storage;

namespace SmartCardCash.Cli.Cards;

/// <summary>The issuer of this home, for the commands that sign.</summary>
internal static class IssuerAccess
{
    public static IssuerStore Store(CliContext context) => IssuerStore.ForHome(context.Home, context.Time);

    /// <exception cref="IssuerNotFoundException">No issuer yet (exit 7, "run 'scc issuer init'").</exception>
    public static Issuer Load(CliContext context) => Store(context).Load();
}
