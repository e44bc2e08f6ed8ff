using System.Reflection;
using System.Runtime.CompilerServices;
using SmartCardCash.AppletApi;
using SmartCardCash.Emulator;
using SmartCardCash.Purse.Applet.Tests.Vectors;
using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;

namespace SmartCardCash.Purse.Applet.Tests;

/// <summary>
/// Spec 8.2 (<see cref="PurseTransientBudget"/>) against what the applet really holds between commands and really
/// signs. The session lives in C# objects, so the test walks the applet's object graph after every command of every
/// conformance script: every field that is not a service (memory, crypto, RNG) or another of the applet's objects is
/// transient state and is sized by its value. A new field, a longer buffer or a longer signed message fails here until
/// the table (and the spec) grow with it.
/// </summary>
public class TransientBudgetTests
{
    private const BindingFlags InstanceFields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
    private static readonly Assembly AppletAssembly = typeof(PurseApplet).Assembly;
    // Not transient state of the purse: the runtime's services, and the emulator's own assertion of the invariants of
    // spec 4.4 ("asserted by the emulator"), whose per-command scratch a card need not carry.
    private static readonly Type[] Services = [typeof(IPersistentMemory), typeof(IPurseCrypto), typeof(ICardRandom), typeof(PurseInvariants)];

    private static int Row(string prefix) => PurseTransientBudget.Rows.Single(r => r.Item.StartsWith(prefix, StringComparison.Ordinal)).Bytes;

    [Fact]
    public void The_state_the_applet_holds_and_the_messages_it_signs_fit_the_table_and_reach_it()
    {
        int sessionBudget = Row("verified peer") + Row("session flags");
        var crypto = new RecordingCrypto(P256.Shared);
        int largestState = 0;
        VectorFile file = VectorFileJson.Load(RepositoryFiles.VectorsPath);
        (EmulatedCard Card, Func<PurseApplet> Applet)? bank = null;
        foreach (VectorCard script in file.Cards)
        {
            PurseApplet? applet = null;
            var card = new EmulatedCard(CardProfile.FromSeed(InterfaceProfile.ContactT1, 8_2),
                new EmulatedCardOptions { ThrowOnAppletFault = true });
            card.Install(PurseAid.Value, PurseCard.AppletType, context => applet = PurseApplet.Create(context, crypto), PurseApplet.PersistentMemorySize);
            card.PowerOn();
            var channel = new MisbehavingChannel(card.OpenChannel(script.Id, powerOffOnDispose: false), (_, response) =>
            {
                largestState = Math.Max(largestState, TransientBytes(applet!));
                return response;
            });
            ConformanceReport report = ConformanceRunner.Run(channel, file.ForCard(script.Id));
            Assert.True(report.AllPassed, report.ToString());
            if (script.Id == "bank")
            {
                bank = (card, () => applet!);
            }
        }
        Assert.True(largestState <= sessionBudget, $"the applet held {largestState} transient bytes; spec 8.2 budgets {sessionBudget}");

        // The largest peer there can be (5 currencies), verified on the bank purse the script leaves issued.
        PurseCertificate fiveCurrencies = TestIssuer.Default.Certify(PurseId.Parse("5CC0020000000082"), PurseClass.Customer,
            [Currency.Eur.Code, Currency.Gbp.Code, Currency.Usd.Code, Currency.Jpy.Code, Currency.Chf.Code],
            BcdDate.FromDate(2025, 1, 1), BcdDate.FromDate(2030, 12, 31), ConformanceKeys.Customer2.PublicKey);
        Assert.Equal(StatusWord.Success, bank!.Value.Card.Transmit(PurseCommands.VerifyCertificate(fiveCurrencies.Encoded)).StatusWord);
        Assert.Equal(sessionBudget, TransientBytes(bank.Value.Applet()));

        // Signing scratch: the longest message the purse builds itself, and a DER signature of at most 72 bytes.
        Assert.True(crypto.Signatures > 50, $"only {crypto.Signatures} signatures made");
        Assert.Equal(Row("signing scratch") - PurseConstants.MaxSignatureLength, crypto.LongestSignedMessage);
        Assert.InRange(crypto.LongestSignature, 8, PurseConstants.MaxSignatureLength);
    }

    [Fact]
    public void Sizing_refuses_a_field_it_does_not_know()
    {
        var unknown = new Exception("not a transient type");
        Assert.Throws<InvalidOperationException>(() => SizeOf(unknown, typeof(Exception), "test", new HashSet<object>(ReferenceEqualityComparer.Instance)));
    }

    /// <summary>Bytes of transient state reachable from the applet: its own objects walked, services skipped.</summary>
    private static int TransientBytes(PurseApplet applet) =>
        SizeOf(applet, typeof(PurseApplet), nameof(PurseApplet), new HashSet<object>(ReferenceEqualityComparer.Instance));

    private static int SizeOf(object? value, Type declared, string path, HashSet<object> seen)
    {
        if (Services.Any(s => s.IsAssignableFrom(declared)) || value is null)
        {
            return 0;
        }
        Type type = value.GetType();
        return type switch
        {
            _ when type == typeof(bool) => 1,
            _ when type == typeof(byte[]) => ((byte[])value).Length,
            _ when type == typeof(CurrencyCode[]) => 1 + ((CurrencyCode[])value).Length * CurrencyCode.Length,   // count + codes
            _ when type == typeof(PurseId) => PurseId.Length,
            _ when type.IsEnum && Enum.GetUnderlyingType(type) == typeof(byte) => 1,
            _ when type.Assembly == AppletAssembly && type.IsClass => seen.Add(value) ? FieldsOf(value, type, path, seen) : 0,
            _ => throw new InvalidOperationException(
                $"{path} ({type.Name}) is transient state this test cannot size: size it here and add it to spec 8.2 and PurseTransientBudget"),
        };
    }

    private static int FieldsOf(object value, Type type, string path, HashSet<object> seen) =>
        type.GetFields(InstanceFields)
            .Where(f => f.GetCustomAttribute<CompilerGeneratedAttribute>() is null || f.Name.EndsWith("k__BackingField", StringComparison.Ordinal))
            .Sum(f => SizeOf(f.GetValue(value), f.FieldType, $"{path}.{f.Name}", seen));
}
