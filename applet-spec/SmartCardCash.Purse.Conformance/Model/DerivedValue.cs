namespace SmartCardCash.Purse.Conformance.Model;

/// <summary>
/// A value the runner computes from captured ones: a certificate issued at run time for the key the card generated.
/// <c>certificate = 7F21 L ‖ body ‖ 9E L ‖ ECDSA-SHA256(signer, "SCC1" ‖ 30 ‖ body)</c>, lengths as spec 2.2.
/// </summary>
public sealed record DerivedValue(string Name, string Kind, string Body, string Signer)
{
    public const string CertificateKind = "certificate";
}
