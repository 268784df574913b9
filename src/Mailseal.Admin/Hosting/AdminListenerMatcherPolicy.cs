using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;

namespace Mailseal.Admin.Hosting;

/// <summary>
/// Keeps the two listeners apart: admin endpoints match only on connections of the admin listener, and on those
/// connections nothing else matches (the portal's pages are not served there).
/// </summary>
internal sealed class AdminListenerMatcherPolicy : MatcherPolicy, IEndpointSelectorPolicy
{
    public override int Order => 0;

    public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => endpoints.Count > 0;

    public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates)
    {
        var onAdminListener = AdminListener.IsAdminConnection(httpContext);
        for (var i = 0; i < candidates.Count; i++)
        {
            var adminOnly = candidates[i].Endpoint.Metadata.GetMetadata<AdminListenerOnlyMetadata>() is not null;
            if (adminOnly != onAdminListener)
            {
                candidates.SetValidity(i, false);
            }
        }

        return Task.CompletedTask;
    }
}
