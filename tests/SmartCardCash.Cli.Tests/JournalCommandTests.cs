using System.Text.Json;
using SmartCardCash.Cli.Tests.Support;
using SmartCardCash.Journal;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Remote;

namespace SmartCardCash.Cli.Tests;

/// <summary>
/// The terminal journal from the command line: scc pay, receive and recover keep each payment they complete (the
/// payer's signed val) in $SCC_HOME/journal/payments.jsonl, nothing else; a journal that cannot be written is exit 7,
/// said in one sentence, and the payment's outcome is still told.
/// </summary>
public sealed class JournalCommandTests : TemporaryHomeTests
{
    public JournalCommandTests()
    {
        _cli.ConfigureCards = opener => RemoteCardOpener.Register(opener);
        _home.BankAliceAndBob();
    }

    private PaymentJournal Journal => PaymentJournal.InHome(_home.Path);

    private IReadOnlyList<JournalEntry> Entries => Journal.Read().Entries;

    private CliResult Pay(params string[] more) =>
        _cli.Run(["pay", "--from", "alice", "--to", "bob", "--amount", "12.50", "--currency", "EUR", .. more]);

    private PurseCertificate CertificateOf(string card)
    {
        using var connection = _home.Cards.Open(card);
        Purse.PurseCard purse = Purse.PurseCard.Open(connection.Channel, card);
        purse.Select();
        return purse.GetCertificate();
    }

    [Fact]
    public void Pay_keeps_the_payers_signed_val_with_its_certificate_and_the_payees_ack()
    {
        int before = Entries.Count;   // the setup's load of alice is in it too

        Assert.Equal(0, Pay().ExitCode);

        JournalEntry entry = Assert.Single(Entries.Skip(before));
        PurseCertificate alice = CertificateOf("alice"), bob = CertificateOf("bob");
        Assert.Equal(("pay", 1_250u, alice.Body.Holder, bob.Body.Holder),
            (entry.Source, entry.Payment.Details.Value, entry.Payment.Details.From, entry.Payment.Details.To));
        Assert.Equal(alice.Encoded.ToArray(), entry.Payment.PayerCertificate!.Encoded.ToArray());
        Assert.True(entry.Payment.Val.Verify(alice.Body.PublicKey));
        Assert.True(entry.Payment.Ack!.Verify(bob.Body.PublicKey));
        Assert.Equal(FixedTimeProvider.Instant, entry.Recorded);
    }

    [Fact]
    public void A_refused_or_an_abandoned_payment_keeps_nothing_and_the_recovery_that_completes_it_keeps_it()
    {
        int before = Entries.Count;
        Assert.Equal(1, _cli.Run("pay", "--from", "alice", "--to", "bob", "--amount", "150", "--currency", "EUR").ExitCode);
        PaymentCards.StartAndStop(_home, "alice", "bob", 700, PurseInstruction.Val);
        Assert.Equal(5, _cli.Run("recover", "--abandon", "--card", "alice").ExitCode);
        Assert.Equal(before, Entries.Count);

        // bob still waits and alice kept her val: recovery delivers it, and that completes the payment.
        Assert.Equal(0, _cli.Run("recover", "--from", "alice", "--to", "bob").ExitCode);
        Assert.Equal(0, _cli.Run("recover", "--from", "alice", "--to", "bob").ExitCode);   // nothing left: nothing kept

        JournalEntry entry = Assert.Single(Entries.Skip(before));
        Assert.Equal(("recover", 700u), (entry.Source, entry.Payment.Details.Value));
        Assert.True(entry.Payment.Val.Verify(CertificateOf("alice").Body.PublicKey));
        Assert.NotNull(entry.Payment.PayerCertificate);   // read afterwards for the journal
    }

    [Fact]
    public void Receive_keeps_what_its_card_received_and_the_payers_terminal_keeps_the_same_val()
    {
        int before = Entries.Count;
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--once", "--json");
        string listening = receive.WaitForLine("\"event\":\"listening\"");
        string address = JsonDocument.Parse(listening).RootElement.GetProperty("address").GetString()!;

        Assert.Equal(0, _cli.Run("pay", "--from", "alice", "--to", address, "--amount", "4", "--currency", "EUR").ExitCode);
        Assert.Equal(0, receive.WaitForExit());

        using JsonDocument received = JsonDocument.Parse(receive.WaitForLine("\"event\":\"paymentReceived\""));
        Assert.True(received.RootElement.GetProperty("journal").GetProperty("kept").GetBoolean());
        // One process here, one home: the payer's terminal (pay) and the payee's (receive) each kept the same val.
        JournalEntry[] kept = [.. Entries.Skip(before)];
        Assert.Equal(["pay", "receive"], kept.Select(e => e.Source).Order());
        Assert.Equal(kept[0].Payment.Val.ToData(), kept[1].Payment.Val.ToData());
        Assert.All(kept, e => Assert.NotNull(e.Payment.PayerCertificate));
    }

    [Fact]
    public void A_journal_that_cannot_be_written_is_exit_7_and_the_payment_is_still_told_the_value_moved()
    {
        Directory.Delete(Journal.Folder, recursive: true);   // the setup's loads made it
        File.WriteAllText(Journal.Folder, "in the way");
        string problem = $"the journal folder {Journal.Folder} cannot be made (it is a file, not a folder)";

        CliResult result = Pay();

        Assert.Equal(7, result.ExitCode);
        Assert.StartsWith("Paid EUR 12.50 from alice to bob.\n", result.Stdout);
        Assert.Contains("│ bob now            │ EUR 12.50, idle", result.Stdout);
        Assert.Equal($"scc: emu:bob was credited with EUR 12.50 from purse 5343430A00000002, but its evidence was not kept: {problem}; " +
            "the value moved, only the payer's signed val, for the bank, is missing", result.SingleErrorLine());
        Assert.Equal((8_750u, 1_250u), (PaymentCards.Balance(_home, "alice"), PaymentCards.Balance(_home, "bob")));

        CliResult json = Pay("--json");
        Assert.Equal(7, json.ExitCode);
        using JsonDocument document = JsonDocument.Parse(json.Stdout);
        JsonElement journal = document.RootElement.GetProperty("journal");
        Assert.Equal(("completed", false, problem, 7), (document.RootElement.GetProperty("outcome").GetString(),
            journal.GetProperty("kept").GetBoolean(), journal.GetProperty("problem").GetString(),
            document.RootElement.GetProperty("exitCode").GetInt32()));
    }

    [Fact]
    public void Receive_stops_with_exit_7_once_a_payment_it_took_cannot_be_kept()
    {
        Directory.Delete(Journal.Folder, recursive: true);   // the setup's loads made it
        File.WriteAllText(Journal.Folder, "in the way");
        using var receive = new BackgroundScc(_cli, "receive", "--card", "bob", "--listen", "127.0.0.1:0", "--json");
        string listening = receive.WaitForLine("\"event\":\"listening\"");
        string address = JsonDocument.Parse(listening).RootElement.GetProperty("address").GetString()!;

        CliResult pay = _cli.Run("pay", "--from", "alice", "--to", address, "--amount", "4", "--currency", "EUR");

        Assert.Equal(7, pay.ExitCode);   // the payer's terminal shares this home: its journal cannot be written either
        Assert.Equal(7, receive.WaitForExit());
        Assert.Contains("\"event\":\"paymentReceived\"", receive.Stdout);
        Assert.Contains("scc: bob was credited with EUR 4.00 from purse 5343430A00000002, but its evidence was not kept: " +
            $"the journal folder {Journal.Folder} cannot be made (it is a file, not a folder); the value moved, only the payer's " +
            "signed val, for the bank, is missing; stopped receiving", receive.Stderr);
        Assert.Equal(400u, PaymentCards.Balance(_home, "bob"));
    }

    [UnprivilegedFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void A_journal_folder_of_another_user_is_permission_denied_exit_7()
    {
        Directory.Delete(Journal.Folder, recursive: true);
        Directory.CreateDirectory(Journal.Folder);
        UnprivilegedScc.GiveTo(_home.Path);
        File.SetUnixFileMode(Journal.Folder, UnixFileMode.UserRead | UnixFileMode.UserExecute);

        CliResult result = UnprivilegedScc.Run(_home.Path, "pay", "--from", "alice", "--to", "bob", "--amount", "1", "--currency", "EUR");

        Assert.Equal(7, result.ExitCode);
        Assert.StartsWith("Paid EUR 1.00 from alice to bob.", result.Stdout);
        Assert.Contains($"but its evidence was not kept: the journal folder {Journal.Folder} cannot be written (permission denied)",
            result.SingleErrorLine());
    }
}
