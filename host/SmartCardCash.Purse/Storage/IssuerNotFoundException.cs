namespace SmartCardCash.Purse.Storage;

/// <summary>There is no issuer in the issuer folder yet: its key and certificate have not been created.</summary>
public sealed class IssuerNotFoundException : LocalDataException
{
    public IssuerNotFoundException(string directory)
        : base($"no issuer yet in {directory}: run 'scc issuer init' to create one")
    {
        Directory = directory;
    }

    public string Directory { get; }
}
