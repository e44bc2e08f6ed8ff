using System.Diagnostics;
using System.Security.Cryptography;
using SmartCardCash.Issuing;
using SmartCardCash.Issuing.Storage;
using SmartCardCash.LocalData;

namespace SmartCardCash.Purse.Tests;

[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class IssuerStoreTests : IDisposable
{
    private readonly TempDirectory _home = new();
    private readonly IssuerStore _store;

    public IssuerStoreTests()
    {
        _store = IssuerStore.ForHome(_home.Path, new FixedTime());
    }

    public void Dispose() => _home.Dispose();

    [Fact]
    public void Create_writes_a_private_key_0600_in_a_0700_folder_and_leaves_no_temporary_file()
    {
        _store.Create(new IssuerId(0xCAFE0001));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.KeyPath));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
            File.GetUnixFileMode(_store.Directory));
        Assert.Empty(Directory.GetFiles(_store.Directory, "*.tmp"));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", File.ReadAllText(_store.KeyPath));
    }

    [Fact]
    public void The_key_reads_back_as_the_same_issuer()
    {
        Issuer created = _store.Create(new IssuerId(0xCAFE0001));

        Issuer loaded = _store.Load();

        Assert.Equal(created.Id, loaded.Id);
        Assert.True(loaded.PublicKey.SequenceEqual(created.PublicKey));
        Assert.Equal(created.Fingerprint, loaded.Fingerprint);
        Assert.Equal(64, loaded.Fingerprint.Length);
        Assert.True(loaded.Certificate.IsValidlySelfSigned());
        Assert.Equal(BcdDate.FromDate(2026, 1, 10), loaded.Certificate.Body.Effective);
    }

    [Fact]
    public void The_pem_is_standard_pkcs8_that_dotnet_and_openssl_read()
    {
        Issuer issuer = _store.Create(new IssuerId(0xCAFE0001));
        string pem = File.ReadAllText(_store.KeyPath);

        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        ECParameters parameters = ecdsa.ExportParameters(false);
        Assert.True(parameters.Q.X!.AsSpan().SequenceEqual(issuer.PublicKey.Slice(1, 32)));

        if (File.Exists("/usr/bin/openssl"))
        {
            var start = new ProcessStartInfo("/usr/bin/openssl", ["pkey", "-in", _store.KeyPath, "-pubout"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using Process openssl = Process.Start(start)!;
            string output = openssl.StandardOutput.ReadToEnd();
            openssl.WaitForExit();
            Assert.Equal(0, openssl.ExitCode);
            Assert.Contains("BEGIN PUBLIC KEY", output);
        }
    }

    [Fact]
    public void The_issuer_never_prints_its_private_key()
    {
        Issuer issuer = _store.Create(new IssuerId(0xCAFE0001));
        string privateHex = Convert.ToHexString(issuer.KeyPair.PrivateKey);

        Assert.DoesNotContain(privateHex, issuer.ToString());
        Assert.DoesNotContain(privateHex[..16], issuer.ToString());
    }

    [Fact]
    public void A_second_create_is_refused_and_replace_sets_the_old_issuer_aside()
    {
        Issuer first = _store.Create(new IssuerId(0xCAFE0001));

        Assert.Throws<InvalidOperationException>(() => _store.Create(new IssuerId(0xCAFE0002)));
        Issuer second = _store.Create(new IssuerId(0xCAFE0002), replace: true);

        Assert.Equal(new IssuerId(0xCAFE0002), _store.Load().Id);
        string aside = Assert.Single(Directory.GetDirectories(_store.Directory, "replaced-CAFE0001-*"));
        Assert.True(File.Exists(Path.Combine(aside, IssuerStore.KeyFileName)));
        Assert.NotEqual(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void Serials_are_allocated_once_each_and_persist()
    {
        _store.Create(new IssuerId(0xCAFE0001));

        uint a = _store.AllocateSerial();
        uint b = new IssuerStore(_store.Directory).AllocateSerial();

        Assert.Equal(1u, a);
        Assert.Equal(2u, b);
        Assert.Equal(3u, _store.ReadState().NextSerial);
    }

    [Fact]
    public void The_mint_journal_appends_json_lines_and_reads_them_back()
    {
        _store.Create(new IssuerId(0xCAFE0001));
        var first = new MintRecord(FixedTime.Instant, new PurseId(0xCAFE000100000001), Currency.Eur.Code, 100_000, 0);
        var second = new MintRecord(FixedTime.Instant.AddMinutes(1), new PurseId(0xCAFE000100000001), Currency.Jpy.Code, 5_000, 1);

        _store.AppendMint(first);
        _store.AppendMint(second);

        Assert.Equal([first, second], _store.ReadMintJournal());
        string[] lines = File.ReadAllLines(_store.JournalPath);
        Assert.Equal(
            """{"time":"2026-01-10T09:30:00.000Z","purse":"CAFE000100000001","currency":"EUR","amount":100000,"counter":0}""",
            lines[0]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.JournalPath));
    }

    [Fact]
    public void Mint_intents_stay_open_until_confirmed_or_cancelled_and_confirming_twice_journals_once()
    {
        _store.Create(new IssuerId(0xCAFE0001));
        var purse = new PurseId(0xCAFE000100000001);
        var minted = new MintRecord(FixedTime.Instant, purse, Currency.Eur.Code, 100_000, 0);
        var lost = new MintRecord(FixedTime.Instant, purse, Currency.Eur.Code, 7_000, 1);
        var other = new MintRecord(FixedTime.Instant, new PurseId(0xCAFE000100000002), Currency.Eur.Code, 1_000, 0);

        _store.RecordMintIntent(minted);
        _store.RecordMintIntent(lost);
        _store.RecordMintIntent(other);
        Assert.Equal([minted, lost, other], _store.OpenMintIntents());

        _store.ConfirmMint(minted);
        _store.ConfirmMint(minted);
        _store.CancelMintIntent(other);

        Assert.Equal([lost], _store.OpenMintIntents());
        Assert.Equal([minted], _store.ReadMintJournal());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.IntentsPath));
    }

    [Fact]
    public void A_line_torn_by_a_failed_append_neither_blocks_the_files_nor_swallows_the_next_line()
    {
        _store.Create(new IssuerId(0xCAFE0001));
        var purse = new PurseId(0xCAFE000100000001);
        var first = new MintRecord(FixedTime.Instant, purse, Currency.Eur.Code, 100_000, 0);
        var second = new MintRecord(FixedTime.Instant, purse, Currency.Eur.Code, 2_000, 1);
        _store.RecordMintIntent(first);
        _store.ConfirmMint(first);
        // A full disk cut the next appends short: each file ends in a fragment without its newline.
        string intentLine = File.ReadLines(_store.IntentsPath).First();
        string journalLine = File.ReadLines(_store.JournalPath).First();
        File.AppendAllText(_store.IntentsPath, intentLine[..(intentLine.Length / 2)]);
        File.AppendAllText(_store.JournalPath, journalLine[..(journalLine.Length - 1)]);

        Assert.Empty(_store.OpenMintIntents());
        Assert.Equal([first], _store.ReadMintJournal());

        _store.RecordMintIntent(second);
        Assert.Equal([second], _store.OpenMintIntents());
        _store.ConfirmMint(second);
        Assert.Empty(_store.OpenMintIntents());
        Assert.Equal([first, second], _store.ReadMintJournal());

        // A whole line that does not read is corruption, not a torn write: it still stops the reader.
        File.AppendAllText(_store.JournalPath, "{\"purse\": 12}\n");
        Assert.Throws<LocalDataException>(() => _store.ReadMintJournal());
    }

    [Fact]
    public void No_issuer_is_a_local_data_problem_that_names_the_folder_and_no_tool()
    {
        var error = Assert.Throws<IssuerNotFoundException>(_store.Load);

        Assert.IsAssignableFrom<LocalDataException>(error);
        Assert.Equal($"no issuer yet in {_store.Directory}", error.Message);
        Assert.Empty(_store.ReadMintJournal());
    }

    [Fact]
    public void A_key_others_can_read_is_refused()
    {
        _store.Create(new IssuerId(0xCAFE0001));
        File.SetUnixFileMode(_store.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);

        var error = Assert.Throws<LocalDataException>(_store.Load);

        Assert.Contains("chmod 600", error.Message);
        Assert.Contains("0640", error.Message);
    }

    [Fact]
    public void A_damaged_key_or_state_is_a_local_data_problem()
    {
        _store.Create(new IssuerId(0xCAFE0001));
        File.WriteAllText(_store.StatePath, "{ not json");

        var state = Assert.Throws<LocalDataException>(_store.Load);
        File.WriteAllText(_store.KeyPath, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        File.SetUnixFileMode(_store.KeyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var key = Assert.Throws<LocalDataException>(_store.Load);

        Assert.Contains("issuer.json is corrupt", state.Message);
        Assert.Contains("is unreadable", key.Message);
    }

    [Fact]
    public void A_key_that_does_not_match_the_certificate_is_refused()
    {
        _store.Create(new IssuerId(0xCAFE0001));
        string certificate = _store.CertificatePath;
        byte[] original = File.ReadAllBytes(certificate);
        new IssuerStore(Path.Combine(_home.Path, "other")).Create(new IssuerId(0xCAFE0001));
        File.Copy(Path.Combine(_home.Path, "other", IssuerStore.CertificateFileName), certificate, overwrite: true);

        var error = Assert.Throws<LocalDataException>(_store.Load);

        Assert.Contains("do not belong together", error.Message);
        Assert.NotEqual(original, File.ReadAllBytes(certificate));
    }

    [Fact]
    public void A_stale_temporary_file_open_to_others_does_not_leak_its_mode_into_the_key()
    {
        Directory.CreateDirectory(_store.Directory);
        string stale = _store.KeyPath + ".tmp";
        File.WriteAllText(stale, "left over by a crash");
        File.SetUnixFileMode(stale, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        _store.Create(new IssuerId(0xCAFE0001));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_store.KeyPath));
        Assert.False(File.Exists(stale));
        Assert.Equal(new IssuerId(0xCAFE0001), _store.Load().Id);
    }
}
