using System.Reflection;

namespace SmartCardCash.Settlement.Storage.Migrations;

/// <summary>
/// One step of the schema: <c>Storage/Migrations/NNNN_name.sql</c>, embedded in the assembly, applied once and
/// recorded in <c>schema_version</c>. Steps are never edited once released; a change is a new step.
/// </summary>
internal sealed record Migration(long Version, string Name, string Sql)
{
    private const string ResourcePrefix = "SmartCardCash.Settlement.Storage.Migrations.";

    /// <summary>Every step, in order, numbered 1, 2, 3… without a gap.</summary>
    public static IReadOnlyList<Migration> All { get; } = Load();

    public static long Latest => All[^1].Version;

    private static Migration[] Load()
    {
        Assembly assembly = typeof(Migration).Assembly;
        Migration[] steps =
        [
            .. assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n => FromResource(assembly, n))
                .OrderBy(m => m.Version),
        ];
        for (int i = 0; i < steps.Length; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"migration {steps[i].Name} is number {steps[i].Version}, expected {i + 1}.");
            }
        }
        return steps.Length > 0 ? steps : throw new InvalidOperationException("no migrations are embedded.");
    }

    private static Migration FromResource(Assembly assembly, string resource)
    {
        string name = resource[ResourcePrefix.Length..^".sql".Length];
        using Stream stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new Migration(long.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)),
            System.Globalization.CultureInfo.InvariantCulture), name, reader.ReadToEnd());
    }
}
