namespace SmartCardCash.Integration.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class PcscdCollection : ICollectionFixture<PcscdFixture>
{
    public const string Name = "private pcscd";
}
