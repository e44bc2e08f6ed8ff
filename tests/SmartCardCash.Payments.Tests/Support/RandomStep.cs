namespace SmartCardCash.Payments.Tests.Support;

/// <summary>
/// One step of a random payment sequence: who pays whom how much, which exchange (if any) fails and how, and what
/// follows: nothing, recovery of the pair (itself possibly hit by a failure) or abandonment on the payer.
/// </summary>
public sealed record RandomStep(int Payer, int Payee, uint Amount, int FaultSide, int FaultIndex, FaultKind Fault, int FollowUp,
    int RecoveryFaultIndex)
{
    public override string ToString() =>
        $"{Payer}->{Payee} {Amount}" + (FaultSide < 0 ? "" : $" fault {(FaultSide == 0 ? "payer" : "payee")}#{FaultIndex} {Fault}") +
        FollowUp switch { 1 => $" then recover (fault #{RecoveryFaultIndex})", 2 => " then abandon", _ => "" };
}
