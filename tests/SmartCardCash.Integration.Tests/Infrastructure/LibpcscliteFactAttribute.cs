using System.Runtime.InteropServices;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// A test that needs only the PC/SC client library (libpcsclite.so.1), not a running pcscd nor root: it runs for
/// any user on Linux where the library is installed, and is skipped by name elsewhere.
/// </summary>
public sealed class LibpcscliteFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> UnavailableReason = new(FindUnavailableReason);

    public LibpcscliteFactAttribute()
    {
        Skip = SuiteRequirement.SkipReason("PC/SC client test", UnavailableReason.Value);
    }

    private static string? FindUnavailableReason()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "the client library is checked on Linux only";
        }
        if (!NativeLibrary.TryLoad("libpcsclite.so.1", out IntPtr handle))
        {
            return "libpcsclite.so.1 is not installed (apt-get install libpcsclite1)";
        }
        NativeLibrary.Free(handle);
        return null;
    }
}
