using System.Collections.Concurrent;
using Mailseal.Core.Branding;

namespace Mailseal.Protection.Branding;

/// <summary>
/// Branding templates as sealing reads them: each looked up in the store at most once per
/// <see cref="RefreshInterval"/>, so a message does not pay a database round trip for texts that rarely
/// change, and an administrator's change still reaches every node within seconds.
/// </summary>
public sealed class BrandingTemplateCache(IOmeConfigurationStore store, TimeProvider time)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, (OmeConfiguration? Template, long LoadedAt)> _templates =
        new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The template named <paramref name="identity"/>, or null when there is none.</summary>
    public async ValueTask<OmeConfiguration?> FindAsync(string identity, CancellationToken cancellationToken = default)
    {
        if (_templates.TryGetValue(identity, out var cached) && time.GetElapsedTime(cached.LoadedAt) < RefreshInterval)
        {
            return cached.Template;
        }

        var template = await store.FindAsync(identity, cancellationToken);
        _templates[identity] = (template, time.GetTimestamp());
        return template;
    }
}
