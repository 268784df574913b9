namespace Mailseal.Admin.Hosting;

/// <summary>Endpoint metadata: the endpoint exists only on the admin listener.</summary>
internal sealed class AdminListenerOnlyMetadata
{
    public static readonly AdminListenerOnlyMetadata Instance = new();
}
