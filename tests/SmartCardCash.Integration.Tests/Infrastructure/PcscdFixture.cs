namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// One private pcscd for the whole test process (libpcsclite binds to one socket path per process). Tests in the
/// <see cref="PcscdCollection"/> run one after another and may stop and restart it.
/// </summary>
public sealed class PcscdFixture : IDisposable
{
    public PcscdFixture()
    {
        if (PrivatePcscd.Unavailable is not null)
        {
            return;
        }
        Pcscd = new PrivatePcscd();
        NativeEnvironment.Set("PCSCLITE_CSOCK_NAME", Pcscd.SocketPath);
        Pcscd.Start();
    }

    /// <summary>Null when the suite is skipped.</summary>
    public PrivatePcscd? Pcscd { get; }

    public PrivatePcscd Required =>
        Pcscd ?? throw SuiteRequirement.Unmet(PrivatePcscd.Unavailable ?? "it did not start");

    public const string ReaderSlot0 = "Virtual PCD 00 00";

    public const string ReaderSlot1 = "Virtual PCD 00 01";

    public void Dispose() => Pcscd?.Dispose();
}
