namespace SmartCardCash.Settlement.Hotlist;

/// <summary>Why a purse is on the bank's hotlist.</summary>
public enum HotlistReason
{
    /// <summary>Clearing found two different payments signed with one sequence number: the purse was cloned.</summary>
    Cloned,

    /// <summary>An operator put it there (a card reported lost or stolen).</summary>
    Reported,
}
