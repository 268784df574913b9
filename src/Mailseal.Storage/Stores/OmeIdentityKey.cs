using System.Text;

namespace Mailseal.Storage.Stores;

/// <summary>
/// The lookup key of a branding template: its identity in Unicode normal form C, upper-cased without
/// regard to culture, so that "ome configuration" and "OME Configuration" are one template.
/// </summary>
internal static class OmeIdentityKey
{
    public static string From(string identity)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(identity);
        return identity.Normalize(NormalizationForm.FormC).ToUpperInvariant();
    }
}
