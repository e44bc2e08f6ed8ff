using SmartCardCash.Issuing;
using SmartCardCash.Settlement.BankPurses;

namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>A bank purse's card image holds its private key, so the database holds it sealed under a key from an
/// owner-only file: never in the clear, not movable to another purse's row, and a bank started with another key stops
/// before any payment.</summary>
[Collection(BankStorageCollection.Name)]
public sealed class PurseImageSealTests(BankStorageFixture storage)
{
    private static readonly byte[] CardImageMagic = "SCCCARD\0"u8.ToArray();

    [Theory, OnSqlite, OnPostgres]
    public void The_database_holds_each_purses_image_sealed_never_the_card_image_itself(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 10_000);

        byte[] stored = StoredImage(world, purse.Id);
        byte[] opened = world.Pool.Image(purse.Id)!;

        Assert.True(PurseImageKey.IsSealed(stored));
        Assert.Equal(CardImageMagic, opened[..CardImageMagic.Length]);
        Assert.Equal(-1, stored.AsSpan().IndexOf(opened.AsSpan(0, 64)));
        Assert.Equal(-1, stored.AsSpan().IndexOf(CardImageMagic));
        Assert.Equal(10_000, world.ImageBalance(purse.Id));
    }

    [Theory, OnSqlite, OnPostgres]
    public void A_pool_with_another_key_refuses_to_start_and_names_the_key_by_its_fingerprint_only(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 500);
        PurseImageKey other = PurseImageKey.Generate();

        PurseImageKeyException refused = Assert.Throws<PurseImageKeyException>(() =>
            new BankPursePool(world.Bank.Database, world.Issuer, new SequentialSerials(700_000), other));

        Assert.Equal($"bank purse {purse.Id}'s image does not open with purse image key {other.Fingerprint}: it was sealed with " +
            "another key (start the bank with the key file its purses were sealed with) or changed.", refused.Message);
        Assert.Equal(16, other.Fingerprint.Length);
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_image_moved_to_another_purses_row_does_not_open(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse first = world.BankPurse(minted: 500);
        BankPurse second = world.BankPurse(minted: 700);
        world.Bank.Tamper($"UPDATE bank_purses SET image = (SELECT image FROM bank_purses WHERE id = '{first.Id}') WHERE id = '{second.Id}'");

        PurseImageKeyException refused = Assert.Throws<PurseImageKeyException>(() => world.Pool.Image(second.Id));

        Assert.StartsWith($"bank purse {second.Id}'s image does not open", refused.Message, StringComparison.Ordinal);
    }

    [Theory, OnSqlite, OnPostgres]
    public void An_image_stored_before_images_were_sealed_is_sealed_when_the_pool_starts(StorageProvider provider)
    {
        using var world = new BankWorld(storage, provider);
        BankPurse purse = world.BankPurse(minted: 1_200);
        byte[] clear = world.Pool.Image(purse.Id)!;
        world.Bank.Tamper($"UPDATE bank_purses SET image = {Literal(provider, clear)} WHERE id = '{purse.Id}'");

        var restarted = new BankPursePool(world.Bank.Database, world.Issuer, new SequentialSerials(800_000), BankWorld.ImageKey);

        Assert.True(PurseImageKey.IsSealed(StoredImage(world, purse.Id)));
        Assert.Equal(clear, restarted.Image(purse.Id));
    }

    private static byte[] StoredImage(BankWorld world, PurseId id) =>
        world.Bank.Database.Read(tx => tx.Scalar<byte[]>("SELECT image FROM bank_purses WHERE id = @Id", new { Id = id.ToString() }))!;

    private static string Literal(StorageProvider provider, byte[] bytes) => provider == StorageProvider.Sqlite
        ? $"X'{Convert.ToHexString(bytes)}'"
        : $"'\\x{Convert.ToHexString(bytes)}'::bytea";
}
