using System.Globalization;
using SmartCardCash.Purse.Spec;
using SmartCardCash.Settlement.Storage;

namespace SmartCardCash.Settlement.BankPurses;

/// <summary>The bank purses' SQL inside a <see cref="BankTransaction"/>. No rule lives here; it only moves rows.</summary>
internal static class BankPurseStore
{
    private const string Columns = "id AS Id, currency AS Currency, image AS Image, balance AS Balance, state AS State, busy_with AS BusyWith";

    public static void Insert(BankTransaction tx, PurseId id, Currency currency, byte[] image) => tx.Execute(
        "INSERT INTO bank_purses (id, currency, image, balance, state, created_at, updated_at) " +
        "VALUES (@Id, @Currency, @Image, 0, @State, @Now, @Now)",
        new { Id = id.ToString(), Currency = currency.AlphaCode, Image = image, State = nameof(TransferState.Idle), Now = Stamp(tx) });

    public static BankPurseRow? Find(BankTransaction tx, PurseId id, bool forUpdate = false) =>
        tx.Single<BankPurseRow>($"SELECT {Columns} FROM bank_purses WHERE id = @Id{(forUpdate ? tx.Dialect.ForUpdate : "")}",
            new { Id = id.ToString() });

    /// <summary>The purse's row, locked until the transaction ends: its APDUs run one at a time, on one image.</summary>
    public static BankPurseRow Lock(BankTransaction tx, PurseId id) => Find(tx, id, forUpdate: true)
        ?? throw new BankPurseRefusedException(BankPurseRefusal.UnknownPurse, $"the bank has no purse {id}.");

    public static List<BankPurseRow> List(BankTransaction tx, Currency? currency) =>
        tx.Query<BankPurseRow>($"SELECT {Columns} FROM bank_purses WHERE @Currency IS NULL OR currency = @Currency ORDER BY id",
            new { Currency = currency?.AlphaCode });

    /// <summary>Takes a free purse of <paramref name="currency"/> holding at least <paramref name="minimumBalance"/> for
    /// <paramref name="holder"/>, or returns null: the lowest ID among the idle ones whose exception log is empty (a
    /// record waits for the archive, and a full log refuses every transfer). The bank clears its purses' logs when it
    /// ends a payment (in the same transaction), so no route leaves a free purse with records today: the rule is a
    /// defence, for an image written otherwise (an older version's, a restored backup) or a clear that failed to run.
    /// The claim is a conditional UPDATE, so two concurrent claims of one purse cannot both win (PostgreSQL re-checks the
    /// condition after the first commits; SQLite writes one at a time).</summary>
    public static BankPurseRow? Claim(BankTransaction tx, Currency currency, long minimumBalance, string holder)
    {
        List<string> candidates = tx.Query<string>(
            "SELECT id FROM bank_purses WHERE currency = @Currency AND busy_with IS NULL AND state = @Idle AND balance >= @Minimum " +
            "AND exception_records = 0 ORDER BY id",
            new { Currency = currency.AlphaCode, Idle = nameof(TransferState.Idle), Minimum = minimumBalance });
        foreach (string id in candidates)
        {
            int taken = tx.Execute(
                "UPDATE bank_purses SET busy_with = @Holder, busy_since = @Now WHERE id = @Id AND busy_with IS NULL AND state = @Idle " +
                "AND balance >= @Minimum AND exception_records = 0",
                new { Id = id, Holder = holder, Now = Stamp(tx), Idle = nameof(TransferState.Idle), Minimum = minimumBalance });
            if (taken == 1)
            {
                return Lock(tx, PurseId.Parse(id));
            }
        }
        return null;
    }

    /// <summary>Why none of <paramref name="currency"/>'s purses could be claimed for <paramref name="minimumBalance"/>: the
    /// same conditions as <see cref="Claim"/>, counted.</summary>
    public static BankPurseAvailability Availability(BankTransaction tx, Currency currency, long minimumBalance) =>
        tx.Single<BankPurseAvailability>(
            "SELECT COUNT(*) AS Purses, " +
            "COALESCE(SUM(CASE WHEN busy_with IS NOT NULL OR state <> @Idle THEN 1 ELSE 0 END), 0) AS Busy, " +
            "COALESCE(SUM(CASE WHEN busy_with IS NULL AND state = @Idle AND exception_records <> 0 THEN 1 ELSE 0 END), 0) AS Logged, " +
            "COALESCE(SUM(CASE WHEN busy_with IS NULL AND state = @Idle AND exception_records = 0 AND balance < @Minimum THEN 1 ELSE 0 END), 0) AS Short " +
            "FROM bank_purses WHERE currency = @Currency",
            new { Currency = currency.AlphaCode, Idle = nameof(TransferState.Idle), Minimum = minimumBalance })!;

    public static void WriteImage(BankTransaction tx, PurseId id, byte[] image, BankPurseSnapshot after) => Checked(tx.Execute(
        "UPDATE bank_purses SET image = @Image, balance = @Balance, state = @State, exception_records = @Records, updated_at = @Now WHERE id = @Id",
        new { Id = id.ToString(), Image = image, after.Balance, State = after.State.ToString(), Records = (long)after.ExceptionRecords, Now = Stamp(tx) }), id);

    /// <summary>Replaces an image stored before images were sealed with its sealed form; nothing else changes.</summary>
    public static void SealImage(BankTransaction tx, PurseId id, byte[] sealedImage) => Checked(tx.Execute(
        "UPDATE bank_purses SET image = @Image WHERE id = @Id", new { Id = id.ToString(), Image = sealedImage }), id);

    /// <summary>The payments holding a purse whose holder starts with <paramref name="holderPrefix"/> and, when
    /// <paramref name="heldBefore"/> is given, that have held it since before then; oldest first. (Timestamps are UTC
    /// ISO 8601 strings of one format, so they compare as text.)</summary>
    public static List<string> Holders(BankTransaction tx, string holderPrefix, DateTimeOffset? heldBefore) => tx.Query<string>(
        "SELECT busy_with FROM bank_purses WHERE busy_with IS NOT NULL AND substr(busy_with, 1, @Length) = @Prefix " +
        (heldBefore is null ? "" : "AND busy_since < @Before ") + "ORDER BY busy_since, id",
        new
        {
            Prefix = holderPrefix,
            holderPrefix.Length,
            Before = heldBefore?.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
        });

    public static void Release(BankTransaction tx, PurseId id, string holder) => Checked(tx.Execute(
        "UPDATE bank_purses SET busy_with = NULL, busy_since = NULL, updated_at = @Now WHERE id = @Id AND busy_with = @Holder",
        new { Id = id.ToString(), Holder = holder, Now = Stamp(tx) }), id);

    private static void Checked(int rows, PurseId id) =>
        BankPurseInvariants.Holds(rows == 1, $"bank purse {id}'s row was written {rows} times");

    private static string Stamp(BankTransaction tx) => tx.Now.ToString("O", CultureInfo.InvariantCulture);
}
