using System.Net;
using Mailseal.Admin.Tests.Page;

namespace Mailseal.Admin.Tests.Hosting;

/// <summary>With the portal in the same host, as under `mailseal run`: the admin page and /metrics answer on the admin listener only.</summary>
public sealed class AdminPageListenerTests(PortalPreviewFixture fixture) : IClassFixture<PortalPreviewFixture>
{
    [Theory]
    [InlineData("/admin", HttpStatusCode.Unauthorized)]
    [InlineData("/admin/preview/portal?template=Contoso&language=de", HttpStatusCode.Unauthorized)]
    [InlineData("/metrics", HttpStatusCode.OK)]
    public async Task Get_OnAdminListenerAnswers_OnPortalListenerNotFound(string path, HttpStatusCode onAdmin)
    {
        using var client = new HttpClient();

        using var admin = await client.GetAsync(new Uri(fixture.App.AdminUri, path));
        using var portal = await client.GetAsync(new Uri(fixture.App.PublicUri, path));

        Assert.Equal(onAdmin, admin.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, portal.StatusCode);
    }
}
