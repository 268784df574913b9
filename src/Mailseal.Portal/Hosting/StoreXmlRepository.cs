using System.Xml.Linq;
using Mailseal.Core.Portal;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Mailseal.Portal.Hosting;

/// <summary>
/// Keeps ASP.NET Core's data-protection keys (antiforgery tokens are protected with them) in the shared store,
/// so every portal node reads the same ring. The framework calls this synchronously and rarely.
/// </summary>
internal sealed class StoreXmlRepository(IDataProtectionKeyStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.GetAllAsync().GetAwaiter().GetResult().Select(xml => XElement.Parse(xml)).ToList();

    public void StoreElement(XElement element, string friendlyName)
    {
        ArgumentNullException.ThrowIfNull(element);
        store.AddAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting)).GetAwaiter().GetResult();
    }
}
