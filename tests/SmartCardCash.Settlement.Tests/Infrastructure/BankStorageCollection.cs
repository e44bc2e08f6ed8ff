namespace SmartCardCash.Settlement.Tests.Infrastructure;

/// <summary>Every storage test shares the one private PostgreSQL server (<see cref="BankStorageFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class BankStorageCollection : ICollectionFixture<BankStorageFixture>
{
    public const string Name = "bank storage";
}
