using System.Globalization;
using System.Reflection;

namespace Mailseal.Storage.Migrations;

/// <summary>
/// The migration scripts embedded in this assembly for one provider (Migrations/&lt;Provider&gt;/NNNN_name.sql).
/// Adding a migration is adding a file: versions are read from the names and must run 1, 2, 3… without gaps.
/// </summary>
internal static class MigrationCatalog
{
    public static IReadOnlyList<MigrationScript> For(StorageProvider provider)
    {
        var assembly = typeof(MigrationCatalog).Assembly;
        var prefix = $"{typeof(MigrationCatalog).Namespace}.{provider}.";
        var scripts = assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal)
                && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => Load(assembly, name, name[prefix.Length..^".sql".Length]))
            .OrderBy(script => script.Version)
            .ToList();

        for (var index = 0; index < scripts.Count; index++)
        {
            if (scripts[index].Version != index + 1)
            {
                throw new InvalidOperationException(
                    $"The {provider} migrations must be numbered 1, 2, 3… without gaps or duplicates; "
                    + $"found version {scripts[index].Version} where {index + 1} belongs.");
            }
        }

        return scripts;
    }

    private static MigrationScript Load(Assembly assembly, string resourceName, string fileStem)
    {
        var separator = fileStem.IndexOf('_', StringComparison.Ordinal);
        var number = separator < 0 ? fileStem : fileStem[..separator];
        if (!int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new InvalidOperationException(
                $"Migration '{resourceName}' must be named NNNN_description.sql with NNNN ≥ 1.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Migration '{resourceName}' cannot be read.");
        using var reader = new StreamReader(stream);
        var description = separator < 0 ? "" : fileStem[(separator + 1)..];
        return new MigrationScript(version, description, reader.ReadToEnd());
    }
}
