using SmartCardCash.LocalData;

namespace SmartCardCash.Issuing.Storage;

/// <summary>
/// There is no issuer in the issuer folder yet: its key and certificate have not been created. The message names the
/// folder; how to create one is the caller's to say (<c>scc issuer init</c> for the tool).
/// </summary>
public sealed class IssuerNotFoundException : LocalDataException
{
    public IssuerNotFoundException(string directory)
        : base($"no issuer yet in {directory}")
    {
        Directory = directory;
    }

    public string Directory { get; }
}
