using System.Globalization;
using System.Text;
using Mailseal.Core.Branding;
using Mailseal.Portal.Localization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Preview;

/// <summary>
/// Renders the real sign-in page (SignIn.cshtml in _Layout, with the configured OpenID choices) for the admin page.
/// </summary>
/// <remarks>
/// An in-process request straight to the page's own endpoint: Razor Pages then creates the model, runs its handler,
/// the _ViewStart and the layout exactly as for a browser, so no part of the page is rendered a second way. (Rendering
/// the .cshtml through IRazorViewEngine with a hand-built ViewContext would have to copy the page invoker's set-up —
/// model, view starts, view data — and a page with @page is not meant to be rendered as a view.) The portal's middleware is left out: the culture is set here as request localisation would
/// set it, and the admin listener sends the preview's own headers.
/// </remarks>
internal sealed class PortalPagePreview(
    EndpointDataSource endpoints, IServiceScopeFactory scopes, IOptions<PortalOptions> options) : IPortalPagePreview
{
    private const string SignInPage = "/SignIn";

    public async Task<string> RenderSignInPageAsync(string templateName, string language, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateName);
        if (!PortalCultures.Supported.Contains(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), "Not a language the portal speaks.");
        }

        var endpoint = SignInEndpoint();
        await using var scope = scopes.CreateAsyncScope();
        using var body = new MemoryStream();
        var context = NewRequest(scope.ServiceProvider, body, cancellationToken);
        context.Features.Set(new PortalPagePreviewFeature(templateName));
        context.SetEndpoint(endpoint);
        // Flows into the page and is undone when this method returns, as with request localisation.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        await endpoint.RequestDelegate!(context);
        if (context.Response.StatusCode != StatusCodes.Status200OK)
        {
            throw new InvalidOperationException($"The sign-in page's preview answered {context.Response.StatusCode}.");
        }

        return Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
    }

    /// <summary>A GET of the sign-in page as the portal's public URL sees it (links in the page get its path base), with no cookie.</summary>
    private DefaultHttpContext NewRequest(IServiceProvider services, Stream body, CancellationToken cancellationToken)
    {
        var portal = options.Value;
        var context = new DefaultHttpContext { RequestServices = services, RequestAborted = cancellationToken };
        var request = context.Request;
        request.Method = HttpMethods.Get;
        request.Scheme = portal.PublicUrl.Scheme;
        request.Host = HostString.FromUriComponent(portal.PublicUrl);
        request.PathBase = new PathString(portal.BasePath);
        request.Path = PortalPaths.SignIn;
        request.RouteValues["page"] = SignInPage;
        context.Response.Body = body;
        return context;
    }

    /// <summary>The page's endpoint as routing maps it (the portal's pages are compiled at build, so it runs the page).</summary>
    private Endpoint SignInEndpoint() =>
        endpoints.Endpoints.FirstOrDefault(e => e.RequestDelegate is not null
            && e.Metadata.GetMetadata<CompiledPageActionDescriptor>()?.ViewEnginePath == SignInPage)
        ?? throw new InvalidOperationException("The portal's sign-in page is not mapped: call UseMailsealPortal.");
}
