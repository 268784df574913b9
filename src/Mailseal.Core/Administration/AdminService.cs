using Mailseal.Core.Branding;
using Mailseal.Core.Configuration;
using Mailseal.Core.Organization;
using Mailseal.Core.Rules;
using Mailseal.Core.Tracking;

namespace Mailseal.Core.Administration;

/// <summary>
/// The one entry point of administration: the command line, the HTTP API and the PowerShell module are thin
/// clients of it. Requests and results are plain records; refusals are <see cref="AdminValidationException"/>
/// (field and limit), <see cref="AdminObjectNotFoundException"/> and <see cref="AdminConflictException"/>.
/// Every change is written to the audit log with its actor, without secrets. Nodes read the stores with short
/// caches, so a change reaches every running node within seconds. See docs/administration.md.
/// </summary>
public sealed partial class AdminService(
    IOmeConfigurationStore branding,
    IBrandingImageNormalizer imageNormalizer,
    ITransportRuleStore rules,
    IOrganizationStore organization,
    ITrafficCounterStore traffic,
    ITenantKeyAdministration tenantKeys,
    IDkimKeyAdministration dkimKeys,
    ConfigurationTransfer transfer,
    AuditTrail audit,
    TimeProvider time)
{
    /// <summary>Export: the configuration document of this deployment (never a private key).</summary>
    public Task<ConfigurationDocument> ExportAsync(CancellationToken cancellationToken = default) =>
        transfer.ExportAsync(cancellationToken);

    /// <summary>Import: the changes the document makes; applied (and audited) unless <paramref name="dryRun"/>.</summary>
    public async Task<IReadOnlyList<ConfigurationChange>> ImportAsync(
        ConfigurationDocument document, bool dryRun, AdminActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var changes = await transfer.ImportAsync(document, dryRun, cancellationToken);
        if (!dryRun && changes.Count > 0)
        {
            await audit.RecordAsync(actor, "Import", "ConfigurationDocument", $"version {document.Version}", null,
                changes.Select(c => c.ToString()).ToList(), cancellationToken);
        }

        return changes;
    }

    /// <summary>Get-MailTrafficPolicyReport: messages per rule, day, direction and action.</summary>
    public async Task<IReadOnlyList<TrafficCount>> GetTrafficReportAsync(TrafficReportRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.EndDate < request.StartDate)
        {
            throw new AdminValidationException("EndDate", "must not be before StartDate");
        }

        if (request.EndDate.DayNumber - request.StartDate.DayNumber >= TrafficReportRequest.MaxDays)
        {
            throw new AdminValidationException("EndDate", $"must be at most {TrafficReportRequest.MaxDays} days after StartDate");
        }

        if (request.Direction is { } direction && !Enum.IsDefined(direction))
        {
            throw new AdminValidationException("Direction", "must be Outbound, Inbound or Internal");
        }

        return await traffic.QueryAsync(request.StartDate, request.EndDate, NullIfEmpty(request.RuleName), request.Direction, cancellationToken);
    }

    /// <summary>The audit log, newest first: at most <paramref name="limit"/> records (1 to 10000), from <paramref name="since"/> on.</summary>
    public Task<IReadOnlyList<AuditRecord>> GetAuditLogAsync(int limit, DateTimeOffset? since = null, CancellationToken cancellationToken = default)
    {
        if (limit is < 1 or > 10_000)
        {
            throw new AdminValidationException("Limit", "must be 1 to 10000");
        }

        return audit.ListAsync(limit, since, cancellationToken);
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrEmpty(text) ? null : text;

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
