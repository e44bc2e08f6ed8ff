namespace SmartCardCash.Purse.Conformance.Runner;

/// <summary>The interface the card under test is reached through; steps marked for the other one are skipped.</summary>
public enum CardInterfaceKind
{
    Contact,
    Contactless,
}
