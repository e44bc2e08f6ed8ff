namespace SmartCardCash.Purse;

/// <summary>How many records a log holds, of how many it can.</summary>
public readonly record struct LogOccupancy(int Count, int Capacity)
{
    public bool IsFull => Count >= Capacity;

    public override string ToString() => $"{Count}/{Capacity}";
}
