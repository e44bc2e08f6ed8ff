using SmartCardCash.Journal;
using SmartCardCash.LocalData;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// The evidence a completed payment leaves (the payer's signed val) and the terminal journal that keeps it: exactly
/// what the bank verifies, written durably, read back whole, a torn last line skipped and a damaged one refused.
/// </summary>
public sealed class JournalTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly PaymentWorld _world = new();
    private readonly TestCard _alice;
    private readonly TestCard _bob;
    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-journal-" + Guid.NewGuid().ToString("N"));
    private readonly PaymentJournal _journal;

    public JournalTests()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        _alice = _world.Customer("alice", 10_000, bank);
        _bob = _world.Customer("bob");
        _journal = PaymentJournal.InHome(_home);
    }

    public void Dispose()
    {
        if (Directory.Exists(_home))
        {
            Directory.Delete(_home, recursive: true);
        }
    }

    [Fact]
    public void A_completed_payment_carries_the_payers_val_the_payees_ack_and_the_payers_certificate_which_verify()
    {
        PaymentOutcome outcome = _world.Pay(_alice, _bob, 1_250);

        SignedPayment signed = outcome.SignedPayment!;
        Assert.Equal(outcome.Payment!.Details, signed.Details);
        Assert.Equal(_alice.Certificate.Encoded.ToArray(), signed.PayerCertificate!.Encoded.ToArray());
        Assert.True(signed.Val.Verify(signed.PayerCertificate.Body.PublicKey));
        Assert.True(signed.Ack!.Verify(_bob.Certificate.Body.PublicKey));
        Assert.False(signed.Val.Verify(_bob.Certificate.Body.PublicKey));
    }

    [Fact]
    public void A_payment_that_did_not_reach_the_payee_carries_no_evidence_and_one_finished_by_recovery_carries_the_val()
    {
        PaymentWorld.StartAndStop(_alice, _bob, 1_250, stopBefore: PurseInstruction.Val);
        _bob.Remove();
        PaymentOutcome interrupted = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);
        Assert.Equal(PaymentOutcomeKind.Interrupted, interrupted.Kind);
        Assert.Null(interrupted.SignedPayment);

        _bob.Reinsert();
        PaymentOutcome recovered = _world.Coordinator.Recover(_alice.Purse, _bob.Purse);
        Assert.Equal(PaymentOutcomeKind.Completed, recovered.Kind);
        Assert.True(recovered.SignedPayment!.Val.Verify(_alice.Certificate.Body.PublicKey));
        Assert.True(recovered.SignedPayment.Ack!.Verify(_bob.Certificate.Body.PublicKey));
        Assert.Null(recovered.SignedPayment.PayerCertificate);   // recovery reads no certificate
        Assert.Null(_world.Coordinator.Recover(_alice.Purse, _bob.Purse).SignedPayment);
    }

    [Fact]
    public void Entries_are_read_back_exactly_in_a_file_only_its_owner_may_read()
    {
        SignedPayment first = _world.Pay(_alice, _bob, 1_250).SignedPayment!;
        SignedPayment second = _world.Pay(_alice, _bob, 99).SignedPayment!.WithPayerCertificate(_alice.Certificate);
        var recovered = new SignedPayment(first.Val);

        _journal.Append(new JournalEntry(Noon, "pay", first));
        _journal.Append(new JournalEntry(Noon.AddMinutes(1), "receive", second));
        _journal.Append(new JournalEntry(Noon.AddMinutes(2), "recover", recovered));

        JournalContents read = _journal.Read();
        Assert.Equal(0, read.TornRecords);
        Assert.Equal(["pay", "receive", "recover"], read.Entries.Select(e => e.Source));
        Assert.Equal([Noon, Noon.AddMinutes(1), Noon.AddMinutes(2)], read.Entries.Select(e => e.Recorded));
        Assert.All(read.Entries.Zip([first, second, recovered]), pair => AssertSame(pair.Second, pair.First.Payment));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_journal.FilePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_journal.Folder));
        }
    }

    [Fact]
    public void A_torn_last_line_is_skipped_and_the_next_append_starts_a_line_of_its_own()
    {
        SignedPayment payment = _world.Pay(_alice, _bob, 1_250).SignedPayment!;
        _journal.Append(new JournalEntry(Noon, "pay", payment));
        string whole = JournalFormat.Encode(new JournalEntry(Noon.AddMinutes(1), "pay", payment));
        // A crash after part of the second line reached the disk.
        File.AppendAllText(_journal.FilePath, whole[..(whole.Length / 2)]);

        JournalContents afterCrash = _journal.Read();
        Assert.Equal((1, 1), (afterCrash.Entries.Count, afterCrash.TornRecords));

        _journal.Append(new JournalEntry(Noon.AddMinutes(2), "pay", payment));
        JournalContents later = _journal.Read();
        Assert.Equal((2, 1), (later.Entries.Count, later.TornRecords));
        Assert.Equal([Noon, Noon.AddMinutes(2)], later.Entries.Select(e => e.Recorded));
        // A line cut right after its closing brace lost nothing but its newline: whole.
        File.AppendAllText(_journal.FilePath, whole);
        Assert.Equal((3, 1), (_journal.Read().Entries.Count, _journal.Read().TornRecords));
    }

    [Fact]
    public void A_whole_line_that_was_changed_is_refused_by_its_line_number_never_read_as_other_evidence()
    {
        SignedPayment payment = _world.Pay(_alice, _bob, 1_250).SignedPayment!;
        _journal.Append(new JournalEntry(Noon, "pay", payment));
        _journal.Append(new JournalEntry(Noon, "pay", payment));
        string[] lines = File.ReadAllLines(_journal.FilePath);
        // The amount in the PD (bytes 18-21 of 63, hex digits 36-43) raised by one cent, everything else as it was.
        int amount = lines[1].IndexOf("\"pd\":\"", StringComparison.Ordinal) + 6 + 43;
        char digit = lines[1][amount];
        lines[1] = lines[1][..amount] + (digit == '9' ? 'A' : (char)(digit + 1)) + lines[1][(amount + 1)..];
        File.WriteAllLines(_journal.FilePath, lines);

        LocalDataException e = Assert.Throws<LocalDataException>(() => _journal.Read());
        Assert.Equal($"the journal {_journal.FilePath} line 2 is damaged (its sha256 does not match its content: the line was " +
            "changed or damaged)", e.Message);
    }

    [Fact]
    public void Two_writers_at_once_each_append_whole_lines()
    {
        SignedPayment payment = _world.Pay(_alice, _bob, 1_250).SignedPayment!;
        var other = new PaymentJournal(_journal.FilePath);

        Parallel.For(0, 40, i => (i % 2 == 0 ? _journal : other).Append(new JournalEntry(Noon.AddSeconds(i), "pay", payment)));

        JournalContents read = _journal.Read();
        Assert.Equal((40, 0), (read.Entries.Count, read.TornRecords));
        Assert.Equal(Enumerable.Range(0, 40).Select(i => Noon.AddSeconds(i)), read.Entries.Select(e => e.Recorded).Order());
    }

    [Fact]
    public void A_journal_folder_that_cannot_be_made_is_local_data_said_with_its_path()
    {
        SignedPayment payment = _world.Pay(_alice, _bob, 1_250).SignedPayment!;
        Directory.CreateDirectory(_home);
        File.WriteAllText(_journal.Folder, "not a folder");

        LocalDataException e = Assert.Throws<LocalDataException>(() => _journal.Append(new JournalEntry(Noon, "pay", payment)));
        Assert.Equal($"the journal folder {_journal.Folder} cannot be made (it is a file, not a folder)", e.Message);
        Assert.Empty(_journal.Read().Entries);
    }

    [Fact]
    public void A_folder_where_the_journal_file_should_be_is_said_as_such_not_as_a_permission_problem()
    {
        SignedPayment payment = _world.Pay(_alice, _bob, 1_250).SignedPayment!;
        Directory.CreateDirectory(_journal.FilePath);

        LocalDataException e = Assert.Throws<LocalDataException>(() => _journal.Append(new JournalEntry(Noon, "pay", payment)));
        Assert.Equal($"the journal {_journal.FilePath} cannot be written (it is a folder, not a file)", e.Message);
    }

    [Fact]
    public void Evidence_that_does_not_fit_together_cannot_be_made()
    {
        SignedPayment payment = _world.Pay(_alice, _bob, 1_250).SignedPayment!;

        Assert.Throws<ArgumentException>(() => new SignedPayment(payment.Ack!));
        Assert.Throws<ArgumentException>(() => new SignedPayment(payment.Val, payment.Val));
        Assert.Throws<ArgumentException>(() => payment.WithPayerCertificate(_bob.Certificate));
        Assert.Throws<ArgumentException>(() => new JournalEntry(Noon, "Pay now", payment));
    }

    private static void AssertSame(SignedPayment expected, SignedPayment actual)
    {
        Assert.Equal(expected.Val.ToData(), actual.Val.ToData());
        Assert.Equal(expected.Ack?.ToData(), actual.Ack?.ToData());
        Assert.Equal(expected.PayerCertificate?.Encoded.ToArray(), actual.PayerCertificate?.Encoded.ToArray());
    }
}
