namespace SmartCardCash.Cli.Tests.Docs;

/// <summary>The docs tests run one after another: with SCC_WRITE_DOCS=1 some of them rewrite files others read.</summary>
[CollectionDefinition(Name)]
public sealed class DocsCollection
{
    public const string Name = "Docs";
}
