using SmartCardCash.CardAccess;
using SmartCardCash.Emulator;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Personalisation;
using SmartCardCash.Purse;
using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Cli.Tests.Docs.Samples;

/// <summary>Issuing's README sample creates the issuer once, loads it after, and issues purses it certifies.</summary>
public sealed class IssueFromHomeTests
{
    [Fact]
    public void The_sample_creates_the_issuer_in_scc_home_then_loads_it_and_personalises_bank_purses()
    {
        using var home = new TempFolder();
        string? Environment(string name) => name == "SCC_HOME" ? home.Path : null;

        (Issuer first, PersonalisationResult bank1, MintReconciliation settled) = IssueFromHome.Personalise(Environment, BlankPurse("bank1"));
        (Issuer second, PersonalisationResult bank2, _) = IssueFromHome.Personalise(Environment, BlankPurse("bank2"));

        Assert.True(File.Exists(Path.Combine(home.Path, "issuer", "issuer-key.pem")));
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(PurseClass.Bank, bank1.Class);
        Assert.NotEqual(bank1.PurseId, bank2.PurseId);
        Assert.True(bank2.Certificate.VerifySignature(first.Certificate.Body.PublicKey));
        Assert.Empty(settled.Lines);
        Assert.Equal(0, settled.Undecided);
    }

    private static PurseCard BlankPurse(string name) =>
        PurseCard.Open(EmulatedCardStore.CreateInMemoryPurseCard(InterfaceProfile.ContactT1).OpenChannel(name), name);
}
