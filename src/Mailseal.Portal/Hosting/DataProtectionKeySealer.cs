using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Mailseal.Core.Keys;
using Mailseal.Protection.Keys;
using Microsoft.Extensions.Logging;

namespace Mailseal.Portal.Hosting;

/// <summary>
/// Seals the secret part of each ASP.NET Core data-protection key (its master key) under a key derived from the
/// operator's key-encryption key, so the shared store never holds it in clear. The sealed element names the KEK's
/// fingerprint, so a node with another KEK says which one it would need. Failures are logged as errors (never a
/// silent new key ring) and thrown.
/// </summary>
internal sealed partial class DataProtectionKeySealer(KeyEncryptionKey keyEncryptionKey, ILogger<DataProtectionKeySealer> logger)
{
    /// <summary>The HKDF label: no other use of the KEK derives a key with it.</summary>
    public const string Purpose = "Mailseal portal data-protection keys v1";

    private const string KekAttribute = "kek";

    /// <summary>The element that replaces the master key in the store: &lt;sealedSecret kek="kek-…"&gt;base64&lt;/sealedSecret&gt;.</summary>
    public static readonly XName SealedElementName = XName.Get("sealedSecret", "urn:mailseal:data-protection:v1");

    private readonly DerivedKeyProtector _protector = new(keyEncryptionKey, Purpose);

    public XElement Seal(XElement secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var plaintext = Encoding.UTF8.GetBytes(secret.ToString(SaveOptions.DisableFormatting));
        try
        {
            return new XElement(SealedElementName,
                new XAttribute(KekAttribute, _protector.KekId),
                Convert.ToBase64String(_protector.Protect(plaintext)));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }

    /// <summary>The master-key element again; throws <see cref="CryptographicException"/> when it cannot be opened.</summary>
    public XElement Open(XElement sealedSecret)
    {
        ArgumentNullException.ThrowIfNull(sealedSecret);
        var sealedUnder = (string?)sealedSecret.Attribute(KekAttribute) ?? "none";
        if (sealedSecret.Name != SealedElementName)
        {
            throw Failure($"it is a {sealedSecret.Name.LocalName} element, not a Mailseal sealed secret", sealedUnder);
        }

        if (!string.Equals(sealedUnder, _protector.KekId, StringComparison.Ordinal))
        {
            throw Failure($"it is sealed under key-encryption key {sealedUnder}", sealedUnder);
        }

        byte[]? plaintext = null;
        try
        {
            plaintext = _protector.Unprotect(Convert.FromBase64String(sealedSecret.Value));
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or System.Xml.XmlException)
        {
            throw Failure("it was changed or is damaged", sealedUnder, ex);
        }
        finally
        {
            if (plaintext is not null)
            {
                CryptographicOperations.ZeroMemory(plaintext);
            }
        }
    }

    private CryptographicException Failure(string reason, string sealedUnder, Exception? inner = null)
    {
        LogCannotOpen(logger, reason, _protector.KekId, sealedUnder);
        return new CryptographicException(
            $"A portal data-protection key does not open with this node's key-encryption key {_protector.KekId}: {reason}.", inner);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A portal data-protection key does not open with this node's key-encryption key "
        + "{KekId}: {Reason} (sealed under {SealedUnder}). Antiforgery tokens and sign-in cookies made with it cannot be read.")]
    private static partial void LogCannotOpen(ILogger logger, string reason, string kekId, string sealedUnder);
}
