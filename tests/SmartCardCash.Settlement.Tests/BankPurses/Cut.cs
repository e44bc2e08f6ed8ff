namespace SmartCardCash.Settlement.Tests.BankPurses;

/// <summary>Where one payment is cut: the <see cref="At"/>-th command (0-based) across both sides loses its card
/// <see cref="After"/> the card answered (the answer lost) or before it arrived. Counts every command it sees.</summary>
internal sealed class Cut
{
    public int At { get; set; } = -1;

    public bool After { get; set; }

    public int Count { get; set; }

    public bool Fired { get; set; }

    public void Arm(int at, bool after) => (At, After, Count, Fired) = (at, after, 0, false);

    public void Disarm() => At = -1;
}
