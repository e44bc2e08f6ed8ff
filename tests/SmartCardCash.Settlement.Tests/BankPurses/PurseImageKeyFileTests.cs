using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>The purse image key's file: made once, owner-only; read back the same; refused when others may read it or it holds no key.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class PurseImageKeyFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("scc-image-key-").FullName;

    private string KeyFile => Path.Combine(_folder, "bank", "purse-images.key");

    [Fact]
    public void The_first_start_writes_an_owner_only_key_and_every_later_start_reads_the_same_key()
    {
        PurseImageKey made = PurseImageKey.LoadOrCreate(KeyFile);
        PurseImageKey read = PurseImageKey.LoadOrCreate(KeyFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        Assert.Equal(65, File.ReadAllText(KeyFile).Length); // 64 hex digits and a newline
        Assert.Equal(made.Fingerprint, read.Fingerprint);
        Assert.DoesNotContain(made.Fingerprint, File.ReadAllText(KeyFile), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(KeyFile)!, "*.new"));
    }

    [Fact]
    public void A_key_file_other_users_may_read_is_refused_with_the_fix()
    {
        PurseImageKey.LoadOrCreate(KeyFile);
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        PurseImageKeyException refused = Assert.Throws<PurseImageKeyException>(() => PurseImageKey.LoadOrCreate(KeyFile));

        Assert.Equal($"the purse image key file {KeyFile} is open to other users (mode 644): it seals the bank purses' keys, " +
            $"so it must be the owner's alone (chmod 600 {KeyFile}).", refused.Message);
    }

    [Fact]
    public void A_key_file_without_a_key_is_refused_and_left_alone()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(KeyFile)!);
        File.WriteAllText(KeyFile, "not a key\n");
        File.SetUnixFileMode(KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        PurseImageKeyException refused = Assert.Throws<PurseImageKeyException>(() => PurseImageKey.LoadOrCreate(KeyFile));

        Assert.Equal($"the purse image key file {KeyFile} does not hold a key (64 hex digits).", refused.Message);
        Assert.Equal("not a key\n", File.ReadAllText(KeyFile));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
