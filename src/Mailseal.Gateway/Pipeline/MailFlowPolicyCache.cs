using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Microsoft.Extensions.Options;

namespace Mailseal.Gateway.Pipeline;

/// <summary>
/// The organisation and the compiled rules, read from the store and compiled at most once per
/// <see cref="PipelineOptions.PolicyRefreshInterval"/> (the shape of <c>TenantKeyRing</c> and
/// <c>BrandingTemplateCache</c>): a message does not pay two queries and a rule compilation, and a change made
/// by the admin service or another node still reaches this gateway within that interval. A failed read is
/// never cached: the message that needed it gets the store's failure (4xx).
/// </summary>
public sealed class MailFlowPolicyCache(
    ITransportRuleStore ruleStore,
    IOrganizationStore organizationStore,
    IOptions<PipelineOptions> options,
    TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _refreshLock = new(1, 1);
    private (MailFlowPolicy Policy, long LoadedAt)? _current;

    public async ValueTask<MailFlowPolicy> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        // One reader refreshes; the messages arriving meanwhile wait for its result instead of all querying.
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } refreshed)
            {
                return refreshed;
            }

            var organization = await OrganizationSnapshot.LoadAsync(organizationStore, cancellationToken);
            var rules = RuleSet.Compile(await ruleStore.ListAsync(cancellationToken));
            var policy = new MailFlowPolicy(organization, rules);
            _current = (policy, time.GetTimestamp());
            return policy;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    public void Dispose() => _refreshLock.Dispose();

    private MailFlowPolicy? Fresh() =>
        _current is { } current && time.GetElapsedTime(current.LoadedAt) < options.Value.PolicyRefreshInterval ? current.Policy : null;
}
