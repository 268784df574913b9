using Mailseal.Admin.Api.Bodies;
using Mailseal.Core.Administration;
using Mailseal.Core.Configuration;
using Mailseal.Core.Organization;
using Microsoft.AspNetCore.Routing;

namespace Mailseal.Admin.Api;

/// <summary>The route table: one route per public operation of the admin service (docs/admin-api.md keeps the same list).</summary>
internal static class AdminApiEndpoints
{
    public static void Map(RouteGroupBuilder group)
    {
        var routes = new AdminRoutes(group);

        routes.Query("ome-configurations/list", (s, ct) => s.ListOmeConfigurationsAsync(ct));
        routes.Call<IdentityBody, OmeConfigurationResult>("ome-configurations/get", (s, b, _, ct) => s.GetOmeConfigurationAsync(b.Identity, ct));
        routes.Call<NewOmeConfigurationRequest, OmeConfigurationResult>("ome-configurations/new", (s, b, a, ct) => s.NewOmeConfigurationAsync(b, a, ct));
        routes.Call<SetOmeConfigurationBody, OmeConfigurationResult>("ome-configurations/set", (s, b, a, ct) => s.SetOmeConfigurationAsync(b.Identity, b.Request, a, ct));
        routes.Command<IdentityBody>("ome-configurations/remove", (s, b, a, ct) => s.RemoveOmeConfigurationAsync(b.Identity, a, ct));

        routes.Query("transport-rules/list", (s, ct) => s.ListTransportRulesAsync(ct));
        routes.Call<IdentityBody, Core.Rules.TransportRule>("transport-rules/get", (s, b, _, ct) => s.GetTransportRuleAsync(b.Identity, ct));
        routes.Call<TransportRuleChange, Core.Rules.TransportRule>("transport-rules/new", (s, b, a, ct) => s.NewTransportRuleAsync(b, a, ct));
        routes.Call<SetTransportRuleBody, Core.Rules.TransportRule>("transport-rules/set", (s, b, a, ct) => s.SetTransportRuleAsync(b.Identity, b.Change, a, ct));
        routes.Command<IdentityBody>("transport-rules/remove", (s, b, a, ct) => s.RemoveTransportRuleAsync(b.Identity, a, ct));
        routes.Call<IdentityBody, Core.Rules.TransportRule>("transport-rules/enable", (s, b, a, ct) => s.EnableTransportRuleAsync(b.Identity, a, ct));
        routes.Call<IdentityBody, Core.Rules.TransportRule>("transport-rules/disable", (s, b, a, ct) => s.DisableTransportRuleAsync(b.Identity, a, ct));
        routes.Call<TestTransportRulesBody, TransportRuleTestResult>("transport-rules/test", async (s, b, _, ct) =>
        {
            using var message = new MemoryStream(b.Message, writable: false);
            return await s.TestTransportRulesAsync(message, b.Sender, b.Recipients, ct);
        });

        routes.Query("accepted-domains/list", (s, ct) => s.ListAcceptedDomainsAsync(ct));
        routes.Call<AcceptedDomain, AcceptedDomain>("accepted-domains/new", (s, b, a, ct) => s.NewAcceptedDomainAsync(b, a, ct));
        routes.Command<DomainNameBody>("accepted-domains/remove", (s, b, a, ct) => s.RemoveAcceptedDomainAsync(b.DomainName, a, ct));

        routes.Query("users/list", (s, ct) => s.ListUsersAsync(ct));
        routes.Call<AddressBody, OrganizationUser>("users/get", (s, b, _, ct) => s.GetUserAsync(b.Address, ct));
        routes.Call<OrganizationUser, OrganizationUser>("users/new", (s, b, a, ct) => s.NewUserAsync(b, a, ct));
        routes.Call<SetUserBody, OrganizationUser>("users/set", (s, b, a, ct) => s.SetUserAsync(b.Address, b.Change, a, ct));
        routes.Command<AddressBody>("users/remove", (s, b, a, ct) => s.RemoveUserAsync(b.Address, a, ct));

        routes.Query("tenant-keys/list", (s, ct) => s.ListTenantKeysAsync(ct));
        routes.Call<NewTenantKeysRequest, IReadOnlyList<TenantKeyInfo>>("tenant-keys/new", (s, b, a, ct) => s.NewTenantKeysAsync(b, a, ct));
        routes.Call<KeyIdBody, TenantKeyInfo>("tenant-keys/retire", (s, b, a, ct) => s.RetireTenantKeyAsync(b.KeyId, a, ct));

        routes.Query("dkim-keys/list", (s, ct) => s.ListDkimKeysAsync(ct));
        routes.Call<NewDkimKeyBody, DkimKeyInfo>("dkim-keys/new", (s, b, a, ct) => s.NewDkimKeyAsync(b.Domain, b.Selector, b.KeySizeBits, a, ct));

        routes.Call<TrafficReportRequest, IReadOnlyList<Core.Tracking.TrafficCount>>("report/traffic", (s, b, _, ct) => s.GetTrafficReportAsync(b, ct));

        routes.Query("configuration/export", (s, ct) => s.ExportAsync(ct));
        routes.Call<ImportBody, IReadOnlyList<ConfigurationChange>>("configuration/import", (s, b, a, ct) =>
        {
            // The document came through the API's JSON, not ConfigurationDocumentSerializer, so its version is checked here.
            if (b.Document.Version is < 1 or > ConfigurationDocument.CurrentVersion)
            {
                throw new AdminValidationException("Version", $"must be 1 to {ConfigurationDocument.CurrentVersion}");
            }

            return s.ImportAsync(b.Document, b.DryRun, a, ct);
        });

        routes.Call<AuditLogBody, IReadOnlyList<AuditRecord>>("audit-log/get", (s, b, _, ct) => s.GetAuditLogAsync(b.Limit, b.Since, ct));
    }
}
