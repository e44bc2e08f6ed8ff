using SmartCardCash.Purse.Spec;

namespace SmartCardCash.Issuing.Personalisation;

/// <summary>A purse personalised and issued: its ID, its certificate and the pockets it was given.</summary>
public sealed record PersonalisationResult(PurseId PurseId, PurseClass Class, PurseCertificate Certificate,
    IReadOnlyList<PocketLimits> Pockets, int LockCodeTries);
