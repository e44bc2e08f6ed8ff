using SmartCardCash.AppletApi;

namespace SmartCardCash.Emulator;

/// <summary>
/// The applet types a program knows how to create, by name. A card image records only the type name of each
/// installed applet; opening the image looks the name up here. No type is ever loaded by reflection from a name
/// found in a file.
/// </summary>
public sealed class AppletCatalog
{
    private readonly Dictionary<string, AppletFactory> _factories = new(StringComparer.Ordinal);

    /// <summary>Registers a factory under <paramref name="appletType"/> and returns this catalog.</summary>
    public AppletCatalog Add(string appletType, AppletFactory factory)
    {
        ValidateTypeName(appletType);
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(appletType, factory))
        {
            throw new ArgumentException($"applet type '{appletType}' is already in the catalog", nameof(appletType));
        }
        return this;
    }

    public IReadOnlyCollection<string> AppletTypes => _factories.Keys;

    public bool TryGet(string appletType, out AppletFactory factory)
    {
        if (_factories.TryGetValue(appletType, out AppletFactory? found))
        {
            factory = found;
            return true;
        }
        factory = null!;
        return false;
    }

    /// <summary>The factory for <paramref name="appletType"/>; a clear error naming the known types otherwise.</summary>
    public AppletFactory Get(string appletType)
    {
        if (TryGet(appletType, out AppletFactory factory))
        {
            return factory;
        }
        string known = _factories.Count == 0 ? "none" : string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal));
        throw new KeyNotFoundException($"applet type '{appletType}' is not in the applet catalog (known types: {known})");
    }

    internal static void ValidateTypeName(string appletType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appletType);
        if (appletType.Length > 256)
        {
            throw new ArgumentException("an applet type name has at most 256 characters", nameof(appletType));
        }
    }
}
