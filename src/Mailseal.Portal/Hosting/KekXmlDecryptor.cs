using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Portal.Hosting;

/// <summary>
/// Opens what <see cref="KekXmlEncryptor"/> sealed. ASP.NET Core records this type's name in every stored key and
/// creates it by that name through the constructor taking the service provider: renaming or moving it makes the
/// stored keys unreadable.
/// </summary>
internal sealed class KekXmlDecryptor : IXmlDecryptor
{
    private readonly DataProtectionKeySealer _sealer;

    public KekXmlDecryptor(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        _sealer = services.GetRequiredService<DataProtectionKeySealer>();
    }

    public XElement Decrypt(XElement encryptedElement) => _sealer.Open(encryptedElement);
}
