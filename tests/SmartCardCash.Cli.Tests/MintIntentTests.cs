using System.Text.Json;
using Moq;
using SmartCardCash.CardAccess;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Iso7816;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.Payments.Tests.Support;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// scc mint writes its intent before the MINT and closes it after the journal line, so a lost answer or an unwritable
/// journal never lets the bank's float record drift from the value that exists: the intent is settled from the purse.
/// </summary>
public sealed class MintIntentTests : TemporaryHomeTests
{
    private const byte MintInstruction = 0x40;
    private const string PulledBank = "tcp://127.0.0.1:7700";

    public MintIntentTests() => _home.BankAndAlice();

    [Fact]
    public void A_lost_mint_answer_exits_4_leaves_the_intent_open_and_reconcile_journals_the_mint_that_took_effect()
    {
        PullBankAt(afterCardActs: true);

        CliResult lost = _cli.Run("mint", "--card", PulledBank, "--amount", "250", "--currency", "EUR");

        Assert.Equal(ExitCodes.CommunicationFailure, lost.ExitCode);
        Assert.Equal("scc: the MINT of EUR 250.00 into bank (purse 5343430A00000001, issuer counter 1) was sent but its " +
            "answer was lost (the card was pulled from the reader): the purse may or may not have added it. The intent is " +
            $"recorded in {_home.Issuer.IntentsPath}; 'scc mint --reconcile --card {PulledBank}' (or the next 'scc mint' " +
            "into this purse) reads the purse and settles it", lost.SingleErrorLine());
        Assert.Equal(125_000u, PaymentCards.Balance(_home, "bank"));
        Assert.Single(_home.Issuer.ReadMintJournal());
        Assert.Equal(1u, Assert.Single(_home.Issuer.OpenMintIntents()).IssuerCounter);

        _cli.ConfigureCards = null;
        CliResult reconciled = _cli.Run("mint", "--reconcile", "--card", "bank");

        Assert.Equal(0, reconciled.ExitCode);
        Assert.Equal("The earlier mint of EUR 250.00 into bank (purse 5343430A00000001, issuer counter 1), whose outcome was " +
            "not recorded, took effect (the purse's transaction log has it): recorded in the mint journal now.\n", reconciled.Stdout);
        IReadOnlyList<MintRecord> journal = _home.Issuer.ReadMintJournal();
        Assert.Equal([100_000u, 25_000u], journal.Select(r => r.Amount));
        Assert.Empty(_home.Issuer.OpenMintIntents());

        CliResult again = _cli.Run("mint", "--reconcile", "--card", "bank", "--json");
        using JsonDocument json = JsonDocument.Parse(again.Stdout);
        Assert.Empty(json.RootElement.GetProperty("reconciled").EnumerateArray());
        Assert.Equal(2, _home.Issuer.ReadMintJournal().Count);
    }

    [Fact]
    public void A_mint_the_card_never_saw_is_closed_as_not_minted_by_the_next_mint()
    {
        PullBankAt(afterCardActs: false);
        Assert.Equal(ExitCodes.CommunicationFailure,
            _cli.Run("mint", "--card", PulledBank, "--amount", "250", "--currency", "EUR").ExitCode);
        Assert.Equal(100_000u, PaymentCards.Balance(_home, "bank"));

        _cli.ConfigureCards = null;
        CliResult next = _cli.Run("mint", "--card", "bank", "--amount", "5", "--currency", "EUR");

        Assert.Equal(0, next.ExitCode);
        Assert.Equal("The earlier mint of EUR 250.00 into bank (purse 5343430A00000001, issuer counter 1), whose outcome was " +
            "not recorded, did not take effect (the purse never logged it): nothing was minted; the intent is closed.\n" +
            "Minted EUR 5.00 into bank (purse 5343430A00000001); balance EUR 1005.00; issuer counter 1, recorded in the mint journal.\n",
            next.Stdout);
        Assert.Equal([100_000u, 500u], _home.Issuer.ReadMintJournal().Select(r => r.Amount));
        Assert.Empty(_home.Issuer.OpenMintIntents());
    }

    [Fact]
    public void An_unwritable_journal_after_the_mint_keeps_the_intent_and_reconcile_writes_the_line_later()
    {
        string journal = _home.Issuer.JournalPath;
        string saved = journal + ".saved";
        File.Move(journal, saved);
        Directory.CreateDirectory(journal); // a folder where the journal file should be: no line can be appended

        CliResult result = _cli.Run("mint", "--card", "bank", "--amount", "250", "--currency", "EUR");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.Contains("EUR 250.00 was minted into bank (purse 5343430A00000001, issuer counter 1) but the mint journal", result.SingleErrorLine());
        Assert.Contains("'scc mint --reconcile --card emu:bank' records it", result.Stderr);
        Assert.Equal(125_000u, PaymentCards.Balance(_home, "bank"));

        Directory.Delete(journal);
        File.Move(saved, journal);
        CliResult reconciled = _cli.Run("mint", "--reconcile", "--card", "bank");

        Assert.Equal(0, reconciled.ExitCode);
        Assert.Contains("took effect", reconciled.Stdout);
        Assert.Equal([100_000u, 25_000u], _home.Issuer.ReadMintJournal().Select(r => r.Amount));
    }

    [Fact]
    public void An_unwritable_intent_file_mints_nothing()
    {
        File.Delete(_home.Issuer.IntentsPath);
        Directory.CreateDirectory(_home.Issuer.IntentsPath);

        CliResult result = _cli.Run("mint", "--card", "bank", "--amount", "250", "--currency", "EUR");

        Assert.Equal(ExitCodes.LocalData, result.ExitCode);
        Assert.StartsWith($"scc: the mint intent cannot be written to {_home.Issuer.IntentsPath}", result.SingleErrorLine());
        Assert.EndsWith("nothing was minted", result.Stderr.TrimEnd());
        Assert.Equal(100_000u, PaymentCards.Balance(_home, "bank"));
    }

    [Fact]
    public void Reconcile_takes_no_amount_and_mint_without_it_needs_both()
    {
        CliResult both = _cli.Run("mint", "--card", "bank", "--reconcile", "--currency", "EUR");
        CliResult neither = _cli.Run("mint", "--card", "bank");

        Assert.Equal(ExitCodes.UsageError, both.ExitCode);
        Assert.Contains("--reconcile mints nothing: --currency does not apply", both.SingleErrorLine());
        Assert.Equal(ExitCodes.UsageError, neither.ExitCode);
        Assert.Contains("option '--amount' is required; option '--currency' is required", neither.SingleErrorLine());
        CliResult stray = _cli.Run("mint", "--card", "bank", "--reconcile", "--abort-transfer");
        Assert.Equal(ExitCodes.UsageError, stray.ExitCode);
        Assert.Contains("--abort-transfer does not apply", stray.SingleErrorLine());
    }

    [Fact]
    public void A_mint_that_fails_inside_the_card_with_6581_is_not_closed_on_its_word_but_settled_from_the_purse()
    {
        var remote = new Mock<ICardOpener>();
        remote.Setup(r => r.Open(It.IsAny<CardAddress>())).Returns<CardAddress>(address =>
        {
            CardConnection local = _home.Cards.Open("bank");
            return new CardConnection(address, new RefusingChannel(local.Channel, MintInstruction, StatusWord.MemoryFailure), "bank", local);
        });
        _cli.ConfigureCards = opener => opener.Register(CardAddressKind.Remote, remote.Object);

        CliResult failed = _cli.Run("mint", "--card", PulledBank, "--amount", "250", "--currency", "EUR");

        Assert.Equal(ExitCodes.CommunicationFailure, failed.ExitCode);
        Assert.Contains("failed inside the card", failed.SingleErrorLine());
        Assert.Contains("6581", failed.SingleErrorLine());
        Assert.Equal(1u, Assert.Single(_home.Issuer.OpenMintIntents()).IssuerCounter);

        _cli.ConfigureCards = null;
        CliResult reconciled = _cli.Run("mint", "--reconcile", "--card", "bank", "--json");

        Assert.Equal(0, reconciled.ExitCode);
        Assert.Empty(_home.Issuer.OpenMintIntents());
        Assert.Single(_home.Issuer.ReadMintJournal()); // only the first mint of the setup: this one never took effect
        Assert.Equal(100_000u, PaymentCards.Balance(_home, "bank"));
    }

    private void PullBankAt(bool afterCardActs)
    {
        var remote = new Mock<ICardOpener>();
        remote.Setup(r => r.Open(It.IsAny<CardAddress>())).Returns<CardAddress>(address =>
        {
            CardConnection local = _home.Cards.Open("bank");
            return new CardConnection(address, new PullingChannel(local.Channel, MintInstruction, afterCardActs), "bank", local);
        });
        _cli.ConfigureCards = opener => opener.Register(CardAddressKind.Remote, remote.Object);
    }
}
