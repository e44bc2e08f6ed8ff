namespace SmartCardCash.BankService.Tests.Infrastructure;

/// <summary>Every service test shares the one private PostgreSQL server (<see cref="BankStorageFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class ServiceCollection : ICollectionFixture<BankStorageFixture>
{
    public const string Name = "bank service";
}
