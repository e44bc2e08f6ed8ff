namespace SmartCardCash.Payments.Tests.Support;

/// <summary>The cards of a removal case: both contact T=1; both contact T=0 (every answer through GET RESPONSE);
/// or a contactless payer paying with its lock code (VERIFY LOCK CODE joins the sequence).</summary>
public enum RemovalSetup
{
    ContactT1,
    ContactT0,
    ContactlessWithCode,
}
