using System.Security.Cryptography;
using System.Text;
using Mailseal.Core.Branding;

namespace Mailseal.Protection.Wrapper;

/// <summary>
/// What a cached <see cref="WrapperTemplate"/> depends on: the branding's content (not only its name, so an
/// edited template is rendered afresh), the language tag and the portal address.
/// </summary>
internal static class WrapperTemplateKey
{
    public static string For(OmeConfiguration? branding, string language, Uri portalUrl)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendField(hash, branding is null ? null : Encoding.UTF8.GetBytes(branding.Identity));
        AppendField(hash, Utf8OrNull(branding?.EmailText));
        AppendField(hash, Utf8OrNull(branding?.DisclaimerText));
        AppendField(hash, Utf8OrNull(branding?.PortalText));
        AppendField(hash, branding?.Image);
        AppendField(hash, Encoding.UTF8.GetBytes(language));
        AppendField(hash, Encoding.UTF8.GetBytes(portalUrl.AbsoluteUri));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static byte[]? Utf8OrNull(string? text) => text is null ? null : Encoding.UTF8.GetBytes(text);

    // A length prefix (or -1 for null) keeps fields apart: ("ab", "c") and ("a", "bc") hash differently.
    private static void AppendField(IncrementalHash hash, byte[]? field)
    {
        hash.AppendData(BitConverter.GetBytes(field?.Length ?? -1));
        if (field is not null)
        {
            hash.AppendData(field);
        }
    }
}
