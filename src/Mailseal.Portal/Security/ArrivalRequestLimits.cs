using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Mailseal.Portal.Security;

/// <summary>
/// Raises the body and form limits for the two arrival requests alone (a 25 MB message is about 35 MB of form
/// data); every other request keeps Portal:MaxRequestBytes. Must run before anything reads the body.
/// </summary>
internal sealed class ArrivalRequestLimits(RequestDelegate next, IOptions<PortalOptions> options)
{
    private readonly PortalOptions _options = options.Value;

    public Task InvokeAsync(HttpContext context)
    {
        if (PortalPaths.IsArrival(context.Request))
        {
            var size = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (size is { IsReadOnly: false })
            {
                size.MaxRequestBodySize = _options.MaxArrivalBytes;
            }

            // The upload form of /open is read by the framework (for its antiforgery token): let it hold the file.
            var limit = (int)Math.Min(int.MaxValue, _options.MaxArrivalBytes);
            context.Features.Set<IFormFeature>(new FormFeature(context.Request, new FormOptions
            {
                MultipartBodyLengthLimit = _options.MaxArrivalBytes,
                ValueLengthLimit = limit,
                ValueCountLimit = 16,
            }));
        }

        return next(context);
    }
}
