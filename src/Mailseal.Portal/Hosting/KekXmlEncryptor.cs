using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Mailseal.Portal.Hosting;

/// <summary>ASP.NET Core's hook for encrypting a new data-protection key before it is stored: seals it under the KEK.</summary>
internal sealed class KekXmlEncryptor(DataProtectionKeySealer sealer) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(sealer.Seal(plaintextElement), typeof(KekXmlDecryptor));
}
