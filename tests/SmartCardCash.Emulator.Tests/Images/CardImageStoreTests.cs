using SmartCardCash.Emulator.Images;
using Xunit.Abstractions;

namespace SmartCardCash.Emulator.Tests.Images;

public sealed class CardImageStoreTests(ITestOutputHelper output)
{
    private static StoredCard CreateCounterCard(CardImageStore store, string name, ProbeLog log)
    {
        StoredCard stored = store.Create(name, CardProfile.FromSeed(InterfaceProfile.ContactT1, 5));
        stored.Card.Install(CounterApplet.Aid, CounterApplet.TypeName, CounterApplet.Factory(log), CounterApplet.RegionSize);
        return stored;
    }

    [Fact]
    public void Every_command_that_changes_memory_is_saved_and_survives_reopening()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        var log = new ProbeLog();
        using (StoredCard stored = CreateCounterCard(store, "alice", log))
        {
            using EmulatedCardChannel channel = stored.OpenChannel();
            Assert.Equal("emulator:alice", channel.Name);
            channel.Transmit(Hex.Decode("00A4040009" + Hex.Encode(CounterApplet.Aid)));
            int savesBefore = stored.SaveCount;
            channel.Transmit(Hex.Decode("8010020000"));
            Assert.Equal(savesBefore + 1, stored.SaveCount);
            channel.Transmit(Hex.Decode("8020000000"));
            Assert.Equal(savesBefore + 1, stored.SaveCount); // a read changes nothing, so nothing is written
            // The file already holds the increment, before the card is closed.
            CardImage onDisk = store.Read("alice");
            Assert.Equal(stored.Card.Memory.Image.ToArray(), onDisk.NvmImage.ToArray());
        }

        using StoredCard reopened = store.Open("alice", TestCards.Catalog(log));
        reopened.Card.PowerOn();
        reopened.Card.SelectCounter();
        Assert.Equal((1u, 1u), reopened.Card.ReadCounters());
        Assert.Single(reopened.Card.Applets);
    }

    [Fact]
    public void Image_files_are_owner_only_in_an_owner_only_folder()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // Unix file modes only
        }
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        using StoredCard stored = CreateCounterCard(store, "alice", new ProbeLog());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored.Path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored.Path + ".lock"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(temp.Cards));
    }

    [Fact]
    public void Saving_replaces_the_file_by_rename_and_leaves_no_temporary_file()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        using StoredCard stored = CreateCounterCard(store, "alice", new ProbeLog());
        // A stale temporary file from a process killed mid-save does not matter.
        File.WriteAllText(stored.Path + ".tmp", "half a card image");
        byte[] old = File.ReadAllBytes(stored.Path);
        using var oldFile = new FileStream(stored.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        stored.Card.PowerOn();
        stored.Card.SelectCounter();
        stored.Card.Send("8010000000");

        // A reader that had the old file open still sees all of it: the new image went to a new file, renamed over.
        var seenThroughOldHandle = new byte[old.Length + 1];
        Assert.Equal(old.Length, oldFile.ReadAtLeast(seenThroughOldHandle, seenThroughOldHandle.Length, throwOnEndOfStream: false));
        Assert.Equal(old, seenThroughOldHandle[..old.Length]);
        byte[] current = File.ReadAllBytes(stored.Path);
        Assert.NotEqual(old, current);
        CardImage.Parse(current);
        Assert.False(File.Exists(stored.Path + ".tmp"));
        Assert.Equal(["alice"], Directory.GetFiles(temp.Cards, "*.card").Select(Path.GetFileNameWithoutExtension));
    }

    [Fact]
    public void A_stale_world_readable_temporary_file_never_receives_the_card_image()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        using StoredCard stored = CreateCounterCard(store, "alice", new ProbeLog());
        string stale = stored.Path + ".tmp";
        File.WriteAllText(stale, "left by a crash");
        File.SetUnixFileMode(stale, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using var watcher = new FileStream(stale, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);

        stored.Card.PowerOn();
        stored.Card.SelectCounter();
        stored.Card.Send("8010000000");

        // The old inode (readable by others) still holds only what the crash left: the image went to a new owner-only file.
        using var reader = new StreamReader(watcher);
        Assert.Equal("left by a crash", reader.ReadToEnd());
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(stored.Path));
    }

    [Fact]
    public void Lock_holds_a_card_without_opening_it_and_fails_while_the_card_is_open()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        var log = new ProbeLog();
        using (CreateCounterCard(store, "alice", log))
        {
            Assert.Throws<CardImageLockedException>(() => store.Lock("alice"));
        }
        using (store.Lock("alice"))
        {
            Assert.Throws<CardImageLockedException>(() => store.Open("alice", TestCards.Catalog(log)));
        }
        AssertOpensAgain(store, "alice", log);
    }

    [Fact]
    public void A_card_in_use_cannot_be_opened_again_or_deleted()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        var log = new ProbeLog();
        using (CreateCounterCard(store, "alice", log))
        {
            CardImageLockedException error = Assert.Throws<CardImageLockedException>(() => store.Open("alice", TestCards.Catalog(log)));
            Assert.Contains("in use", error.Message, StringComparison.Ordinal);
            Assert.Throws<CardImageLockedException>(() => store.Delete("alice"));
        }
        AssertOpensAgain(store, "alice", log);
    }

    [Fact]
    public void The_store_creates_lists_reads_and_deletes_cards()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        Assert.Empty(store.List());
        var log = new ProbeLog();
        CreateCounterCard(store, "bob", log).Dispose();
        CreateCounterCard(store, "alice", log).Dispose();
        Assert.Equal(["alice", "bob"], store.List());
        Assert.True(store.Exists("bob"));
        Assert.Throws<IOException>(() => store.Create("bob", CardProfile.Default));

        store.Delete("bob");
        Assert.Equal(["alice"], store.List());
        Assert.False(File.Exists(store.PathOf("bob") + ".lock"));
        FileNotFoundException missing = Assert.Throws<FileNotFoundException>(() => store.Open("bob", TestCards.Catalog(log)));
        Assert.Contains("no card image named 'bob'", missing.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("../etc")]
    [InlineData(".hidden")]
    [InlineData("a/b")]
    [InlineData("with space")]
    public void Card_names_that_could_escape_the_folder_are_refused(string name)
    {
        var store = new CardImageStore(Path.GetTempPath());
        Assert.Throws<ArgumentException>(() => store.PathOf(name));
    }

    [Fact]
    public void A_corrupt_file_fails_to_open_with_a_clear_error_and_releases_the_lock()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        var log = new ProbeLog();
        CreateCounterCard(store, "alice", log).Dispose();
        byte[] bytes = File.ReadAllBytes(store.PathOf("alice"));
        bytes[^40] ^= 0x80;
        File.WriteAllBytes(store.PathOf("alice"), bytes);

        CardImageFormatException error = Assert.Throws<CardImageFormatException>(() => store.Open("alice", TestCards.Catalog(log)));
        Assert.Contains(store.PathOf("alice"), error.Message, StringComparison.Ordinal);
        store.Delete("alice"); // the failed open did not keep the lock
    }

    [Fact]
    public void A_renamed_image_is_refused()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        CreateCounterCard(store, "alice", new ProbeLog()).Dispose();
        File.Copy(store.PathOf("alice"), store.PathOf("mallory"));
        Assert.Throws<CardImageFormatException>(() => store.Read("mallory"));
    }

    [Fact]
    public void The_default_folder_follows_scc_home()
    {
        string? previous = Environment.GetEnvironmentVariable("SCC_HOME");
        try
        {
            Environment.SetEnvironmentVariable("SCC_HOME", "/srv/scc");
            Assert.Equal(Path.Combine("/srv/scc", "cards"), CardImageStore.DefaultDirectory);
            Environment.SetEnvironmentVariable("SCC_HOME", null);
            Assert.EndsWith(Path.Combine("smartcardcash", "cards"), CardImageStore.DefaultDirectory, StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SCC_HOME", previous);
        }
    }

    [Fact]
    public void Measure_how_long_a_durable_save_takes()
    {
        using var temp = new TemporaryDirectory();
        var store = new CardImageStore(temp.Cards);
        using StoredCard stored = CreateCounterCard(store, "alice", new ProbeLog());
        var durations = new List<double>();
        for (int i = 0; i < 20; i++)
        {
            stored.Save();
            durations.Add(stored.LastSaveDuration.TotalMilliseconds);
        }
        durations.Sort();
        long size = new FileInfo(stored.Path).Length;
        output.WriteLine($"image of {size} bytes: save median {durations[10]:F2} ms, max {durations[^1]:F2} ms (write, fsync, rename, directory fsync)");
        Assert.Equal(21 + 1, stored.SaveCount); // creation, installation, 20 explicit saves
    }

    /// <summary>Once nothing holds the card any more, it opens again.</summary>
    private static void AssertOpensAgain(CardImageStore store, string name, ProbeLog log)
    {
        using StoredCard again = store.Open(name, TestCards.Catalog(log));
        Assert.Equal(name, again.Name);
    }
}
