using Moq;

namespace SmartCardCash.Pcsc.Tests.Fakes;

internal static class StrictPcscApi
{
    /// <summary>A native layer that answers only what a test sets up, on pcsc-lite.</summary>
    public static Mock<IPcscApi> OnPcscLite()
    {
        var api = new Mock<IPcscApi>(MockBehavior.Strict);
        api.SetupGet(a => a.Platform).Returns(PcscPlatform.PcscLite);
        return api;
    }
}
