using SmartCardCash.Issuing;
using SmartCardCash.LocalData;

namespace SmartCardCash.Payments.Tests;

/// <summary>
/// The issuer's signed hotlist: one strict text form, verified against the trusted issuer certificate, installed only
/// when newer, and honoured with the terminal's own plain list; once installed, a missing, unsigned, badly signed or
/// rolled-back list stops every payment.
/// </summary>
public sealed class SignedHotlistTests : IDisposable
{
    private static readonly DateOnly Day = new(2026, 11, 25);
    private static readonly PurseId Cloned = PurseId.Parse("5343430A00000007");
    private static readonly PurseId Stolen = PurseId.Parse("5343430A0000000B");
    private readonly PaymentWorld _world = new();
    private readonly string _home = Path.Combine(Path.GetTempPath(), "scc-signed-hotlist-" + Guid.NewGuid().ToString("N"));
    private readonly SignedHotlistFile _file;

    public SignedHotlistTests()
    {
        Directory.CreateDirectory(_home);
        _file = SignedHotlistFile.InHome(_home);
    }

    private Issuer Issuer => _world.Issuer;

    private PurseCertificate Trusted => Issuer.Certificate;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public void The_issuer_signs_one_canonical_text_that_verifies_and_reads_back_the_same()
    {
        SignedHotlist list = Issuer.SignHotlist(42, Day, [Stolen, Cloned, Stolen]);

        Assert.StartsWith("SCC-HOTLIST 1\nissuer 5343430A\nsequence 42\ndate 2026-11-25\npurse 5343430A00000007\n" +
            "purse 5343430A0000000B\nsignature 30", list.Text);
        SignedHotlist read = SignedHotlist.Verify(list.Text, Trusted);
        Assert.Equal((42u, Day, list.Text), (read.Sequence, read.Date, read.Text));
        Assert.Equal([Cloned, Stolen], read.Purses);
        Assert.True(read.ToHotlist().Contains(Cloned));
        Assert.Empty(SignedHotlist.Verify(Issuer.SignHotlist(1, Day, []).Text, Trusted).Purses);
    }

    [Fact]
    public void A_list_changed_after_signing_or_signed_by_another_issuer_is_refused()
    {
        string text = Issuer.SignHotlist(42, Day, [Cloned, Stolen]).Text;
        Issuer stranger = Issuer.Create(Issuer.Id, Day);
        Issuer otherIssuer = Issuer.Create(new IssuerId(0x5343430B), Day);

        Assert.Equal("the hotlist's signature does not verify under issuer 5343430A's key", Assert.Throws<HotlistSignatureException>(
            () => SignedHotlist.Verify(text.Replace("purse 5343430A0000000B\n", "", StringComparison.Ordinal), Trusted)).Message);
        Assert.Throws<HotlistSignatureException>(() => SignedHotlist.Verify(text.Replace("sequence 42", "sequence 43", StringComparison.Ordinal), Trusted));
        Assert.Throws<HotlistSignatureException>(() => SignedHotlist.Verify(stranger.SignHotlist(42, Day, [Cloned]).Text, Trusted));
        Assert.Equal("the hotlist is issuer 5343430B's, not the trusted issuer 5343430A's", Assert.Throws<HotlistSignatureException>(
            () => SignedHotlist.Verify(otherIssuer.SignHotlist(42, Day, [Cloned]).Text, Trusted)).Message);
    }

    [Theory]
    [InlineData("5343430A00000007\n", "not a signed hotlist: its first line is not 'SCC-HOTLIST 1'")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 42\ndate 2026-11-25\nsignature 3045\n", null)]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430a\nsequence 42\ndate 2026-11-25\nsignature 3045\n", "line 2: ")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 042\ndate 2026-11-25\nsignature 3045\n", "line 3: ")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 0\ndate 2026-11-25\nsignature 3045\n", "line 3: ")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 42\ndate 25.11.2026\nsignature 3045\n", "line 4: ")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 42\ndate 2026-11-25\npurse 5343430A0000000B\npurse 5343430A00000007\nsignature 3045\n",
        "line 6: purse IDs are listed in ascending order, each once")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 42\ndate 2026-11-25\n# a comment\nsignature 3045\n", "line 5: ")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 42\ndate 2026-11-25\nsignature 30 45\n", "line 5: ")]
    [InlineData("SCC-HOTLIST 1\nissuer 5343430A\nsequence 42\ndate 2026-11-25\nsignature 3045", "a signed hotlist ends with a newline after its signature line")]
    public void Anything_but_the_strict_form_is_not_a_signed_hotlist(string text, string? message)
    {
        if (message is null)
        {
            Assert.Empty(SignedHotlist.Parse(text).Purses);   // the form holds; only the signature can fail now
            return;
        }
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => SignedHotlist.Parse(text)).Message);
    }

    [Fact]
    public void Install_takes_only_newer_lists_and_never_lets_an_older_one_replace_a_newer()
    {
        SignedHotlist v1 = Issuer.SignHotlist(1, Day, [Cloned]), v2 = Issuer.SignHotlist(2, Day.AddDays(1), [Cloned, Stolen]);

        Assert.Equal((null, true), Install(v1));
        Assert.Equal(((uint?)1, true), Install(v2));
        Assert.Equal(((uint?)2, false), Install(v2));   // the same list again: nothing written
        Assert.Equal("issuer 5343430A's hotlist 1 of 2026-11-25 (1 purses) is older than hotlist 2, which this terminal has " +
            "installed: not taken", Assert.Throws<HotlistVersionException>(() => _file.Install(v1.Text, Trusted)).Message);
        Assert.Throws<HotlistVersionException>(() => _file.Install(Issuer.SignHotlist(2, Day, [Stolen]).Text, Trusted));
        Assert.Throws<FormatException>(() => _file.Install("5343430A00000007\n", Trusted));
        Assert.Throws<HotlistSignatureException>(() => _file.Install(Issuer.Create(Issuer.Id, Day).SignHotlist(3, Day, []).Text, Trusted));

        Assert.Equal(v2.Text, File.ReadAllText(_file.FilePath));
        Assert.Equal("sequence 2\n", File.ReadAllText(_file.VersionPath));
        Assert.Equal(2u, _file.Load(Trusted)!.Sequence);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(_file.FilePath));
        }
    }

    [Fact]
    public void Once_a_list_is_installed_a_missing_unsigned_badly_signed_or_older_one_stops_payments()
    {
        Assert.Null(_file.Load(Trusted));   // none ever installed: none expected
        SignedHotlist v1 = Issuer.SignHotlist(1, Day, [Cloned]);
        _file.Install(v1.Text, Trusted);
        _file.Install(Issuer.SignHotlist(2, Day, [Cloned, Stolen]).Text, Trusted);

        File.WriteAllText(_file.FilePath, v1.Text);   // an old, shorter list put back
        Assert.Contains("is hotlist 1, older than hotlist 2 which this terminal installed (an old list was put back)",
            Assert.Throws<LocalDataException>(() => _file.Load(Trusted)).Message);

        File.WriteAllText(_file.FilePath, "5343430A00000007\n");
        Assert.Equal($"the signed hotlist {_file.FilePath} is refused (not a signed hotlist: its first line is not 'SCC-HOTLIST 1'); " +
            "no payment is made until a good one is installed", Assert.Throws<LocalDataException>(() => _file.Load(Trusted)).Message);

        File.WriteAllText(_file.FilePath, v1.Text.Replace("sequence 1", "sequence 3", StringComparison.Ordinal));
        Assert.Contains("signature does not verify", Assert.Throws<LocalDataException>(() => _file.Load(Trusted)).Message);

        File.Delete(_file.FilePath);
        Assert.Equal($"the signed hotlist {_file.FilePath} is missing, but this terminal installed hotlist 2; no payment is made " +
            "until it is installed again", Assert.Throws<LocalDataException>(() => _file.Load(Trusted)).Message);
    }

    [Fact]
    public void A_terminal_honours_its_own_list_and_the_issuers_and_sees_a_new_install_without_a_restart()
    {
        TestCard bank = _world.Bank("bank", 100_000);
        TestCard alice = _world.Customer("alice", 10_000, bank), bob = _world.Customer("bob");
        string plain = Hotlist.DefaultPath(_home);
        File.WriteAllText(plain, $"{Cloned}   # the terminal's own\n");
        var hotlist = new HotlistFile(plain, mustExist: false, _file, Trusted);
        Assert.Equal([Cloned], hotlist.Current.Purses);

        _file.Install(Issuer.SignHotlist(1, Day, [alice.Id]).Text, Trusted);
        Assert.Equal([alice.Id, Cloned], hotlist.Current.Purses.OrderBy(p => p.Value));

        _world.Policy = new PaymentPolicy(Trusted, hotlist.Current, _world.Time);
        PaymentOutcome refused = _world.Pay(alice, bob, 100);
        Assert.Equal((PaymentOutcomeKind.NotStarted, RefusalReason.Hotlisted), (refused.Kind, refused.Refusal!.Reason));

        // Editing the terminal's own list cannot take a purse off the issuer's.
        File.WriteAllText(plain, "");
        Assert.Contains(alice.Id, hotlist.Current.Purses);
        File.WriteAllText(_file.FilePath, "");
        Assert.Throws<LocalDataException>(() => hotlist.Current);
    }

    private (uint? Previous, bool Changed) Install(SignedHotlist list)
    {
        HotlistInstallation done = _file.Install(list.Text, Trusted);
        Assert.Equal(list.Sequence, done.List.Sequence);
        return (done.Previous, done.Changed);
    }
}
