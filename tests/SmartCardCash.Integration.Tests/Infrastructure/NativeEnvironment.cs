using System.Runtime.InteropServices;

namespace SmartCardCash.Integration.Tests.Infrastructure;

/// <summary>
/// Sets environment variables in the native process environment. .NET's Environment.SetEnvironmentVariable only
/// changes its own copy on Unix, and libpcsclite reads PCSCLITE_CSOCK_NAME with getenv.
/// </summary>
internal static partial class NativeEnvironment
{
    public static void Set(string name, string value)
    {
        if (setenv(name, value, 1) != 0)
        {
            throw new InvalidOperationException($"setenv({name}) failed");
        }
        Environment.SetEnvironmentVariable(name, value);
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int setenv(string name, string value, int overwrite);
}
