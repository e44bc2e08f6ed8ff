using SmartCardCash.Purse.Conformance.Model;
using SmartCardCash.Purse.Conformance.Runner;

namespace SmartCardCash.Purse.Conformance.Generation;

/// <summary>
/// Builds applet-spec/vectors/purse-v1.json. The expectations come from the scenarios, written from the spec; the
/// reference implementation is then run on them only to record its exact responses as informative data — and to
/// refuse to write a file that the reference itself fails.
/// </summary>
public static class PurseVectorGenerator
{
    public const string ReferenceImplementation =
        "SmartCardCash.Purse.Applet (emulator/SmartCardCash.Purse.Applet) installed on SmartCardCash.Emulator's EmulatedCard, contact T=1";

    public const string CardRandomAlgorithm =
        "card RNG bytes = SHA-256(seed ‖ 0000000000000000) ‖ SHA-256(seed ‖ 0000000000000001) ‖ …, the counter 8 bytes big-endian " +
        "(the emulator's DeterministicCardRandom), the seed the card's referenceSeed; " +
        "key generation draws 32 bytes until they are a scalar in [1, n-1]; the card signs with RFC 6979 nonces";

    /// <summary>The vectors without reference data: everything a runner checks.</summary>
    public static VectorFile BuildNormative()
    {
        IReadOnlyList<VectorCard> cards = [MerchantCardScenario.Build(), BankCardScenario.Build(), CustomerCardScenario.Build()];
        return new VectorFile
        {
            Specification = "applet-spec/purse-applet.md, version 1",
            Description =
            [
                "Conformance vectors for the SmartCardCash purse applet. Format: applet-spec/vectors/README.md.",
                "Each card script needs a fresh, just-installed purse and runs its vectors in order; state carries over from vector to vector.",
                "Expected status words and data come from the specification. The counterparties are simulated: their messages are precomputed here.",
                "The card generates its own key pair: the runner captures the public key, issues the purse certificate (derived values) and checks the card's signatures instead of comparing their bytes.",
                "Steps marked 'interface' run only on that interface. 'reference' fields are informative: the responses of the reference implementation.",
                "Regenerate with: SCC_WRITE_VECTORS=1 dotnet test tests/SmartCardCash.Purse.Applet.Tests --filter VectorFile",
            ],
            Keys = [.. ConformanceKeys.All.Select(k => new VectorKey(k.Name, Hex.Encode(k.Key.PrivateKey), Hex.Encode(k.Key.PublicKey), KeyUse(k.Name)))],
            Reference = new ReferenceRun(ReferenceImplementation, CardRandomAlgorithm, "contact"),
            Cards = cards,
            Summary = Summarise(cards),
        };
    }

    /// <summary>
    /// The normative vectors with the reference implementation's responses filled in. <paramref name="referenceCard"/>
    /// gives a fresh reference card for a script (seeded with its <see cref="VectorCard.ReferenceSeed"/>).
    /// </summary>
    public static VectorFile Generate(Func<VectorCard, ICardChannel> referenceCard)
    {
        VectorFile normative = BuildNormative();
        ConformanceReport report = ConformanceRunner.Run(referenceCard, normative);
        if (!report.AllPassed)
        {
            throw new InvalidOperationException("the reference implementation fails its own vectors:\n" + report);
        }
        var responses = report.Results.ToDictionary(r => (r.Card, r.Id));
        return new VectorFile
        {
            Specification = normative.Specification,
            Description = normative.Description,
            Keys = normative.Keys,
            Reference = normative.Reference,
            Summary = normative.Summary,
            Cards = [.. normative.Cards.Select(card => new VectorCard
            {
                Id = card.Id,
                Description = card.Description,
                ReferenceSeed = card.ReferenceSeed,
                Derived = card.Derived,
                Vectors = [.. card.Vectors.Select(vector => new TestVector
                {
                    Id = vector.Id,
                    Command = vector.Command,
                    Spec = vector.Spec,
                    Title = vector.Title,
                    Steps = [.. vector.Steps.Select((step, i) => new VectorStep
                    {
                        Note = step.Note,
                        Interface = step.Interface,
                        Command = step.Command,
                        Expect = step.Expect,
                        Reference = responses[(card.Id, vector.Id)].Steps[i].Response,
                    })],
                })],
            })],
        };
    }

    private static VectorSummary Summarise(IReadOnlyList<VectorCard> cards)
    {
        IEnumerable<TestVector> vectors = cards.SelectMany(c => c.Vectors);
        return new VectorSummary(
            vectors.Count(),
            vectors.Sum(v => v.Steps.Count),
            cards.ToDictionary(c => c.Id, c => c.Vectors.Count),
            new SortedDictionary<string, int>(vectors.GroupBy(v => v.Command).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal));
    }

    private static string KeyUse(string name) => name switch
    {
        "issuer" => "the issuer: certificates and issuer authorisations; signer of the derived purse certificates",
        "foreign-issuer" => "an issuer the cards do not trust",
        "stranger" => "a key nobody certified: forged messages and certificates",
        _ => "a simulated counterparty purse",
    };
}
