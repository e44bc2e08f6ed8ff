namespace SmartCardCash.Pcsc;

/// <summary>Scope of a PC/SC context (SCARD_SCOPE_*). The values are the same on every platform.</summary>
public enum PcscScope
{
    /// <summary>SCARD_SCOPE_USER: the usual choice.</summary>
    User = 0,

    /// <summary>SCARD_SCOPE_TERMINAL.</summary>
    Terminal = 1,

    /// <summary>SCARD_SCOPE_SYSTEM.</summary>
    System = 2,
}
