using SmartCardCash.Purse.Conformance.Model;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// Card "merchant": a merchant purse (EUR, GBP, USD) taken from a fresh install through personalisation, every command
/// and status word, aborts, resumes, replays, the lock code, the issuer commands, expiry and termination.
/// </summary>
internal sealed partial class MerchantCardScenario : CardScenario
{
    public static readonly PurseId CardId = PurseId.Parse("5CC0010000000001");
    private static readonly PocketLimits EurLimits = new(Currency.Eur.Code, 500_000, 100_000, 2_000);
    private static readonly PocketLimits GbpLimits = new(Currency.Gbp.Code, 200_000, 50_000, 1_000);
    private static readonly PocketLimits UsdLimits = new(Currency.Usd.Code, 20_000, 20_000, 500);
    private const string LockCode = "2468";

    private const string ForeignPurseCertificate = "foreignPurseCertificate";
    private const string ForgedPurseCertificate = "forgedPurseCertificate";

    private MerchantCardScenario() : base("merchant",
        [
            "A merchant purse, ID 5CC0010000000001, currencies EUR GBP USD, certificate 2025-06-01 to 2030-12-31, lock code 2468 (3 tries).",
            "Starts from a freshly installed purse (PERSONALISATION) and ends TERMINATED.",
        ],
        CardId, PurseClass.Merchant, Eur, Gbp, Usd)
    {
        DeriveCardCertificate(ForeignPurseCertificate, TestIssuer.Foreign.Id, "foreign-issuer");
        DeriveCardCertificate(ForgedPurseCertificate, Issuer.Id, "stranger");
    }

    public static VectorCard Build()
    {
        var scenario = new MerchantCardScenario();
        scenario.Personalisation();
        scenario.CommonChecks();
        scenario.Certificates();
        scenario.Receiving();
        scenario.Paying();
        scenario.Aborts();
        scenario.Resumes();
        scenario.Logs();
        scenario.LockCodeCommands();
        scenario.Contactless();
        scenario.IssuerAuthorisations();
        scenario.ExceptionLogFull();
        scenario.Blocked();
        scenario.EndOfLife();
        return scenario.Script.Build();
    }
}
