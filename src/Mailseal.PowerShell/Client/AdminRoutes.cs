namespace Mailseal.PowerShell.Client;

/// <summary>
/// The admin API routes the module calls: <c>POST /admin/v1/{area}/{operation}</c>, one per public operation of
/// the admin service, in kebab case (docs/admin-api.md). An operation whose only argument is a request record
/// takes that record as the body; one with several arguments takes an object of them by parameter name.
/// </summary>
internal static class AdminRoutes
{
    public const string OmeConfigurationsList = "ome-configurations/list";
    public const string OmeConfigurationsGet = "ome-configurations/get";
    public const string OmeConfigurationsNew = "ome-configurations/new";
    public const string OmeConfigurationsSet = "ome-configurations/set";
    public const string OmeConfigurationsRemove = "ome-configurations/remove";

    public const string TransportRulesList = "transport-rules/list";
    public const string TransportRulesGet = "transport-rules/get";
    public const string TransportRulesNew = "transport-rules/new";
    public const string TransportRulesSet = "transport-rules/set";
    public const string TransportRulesRemove = "transport-rules/remove";
    public const string TransportRulesEnable = "transport-rules/enable";
    public const string TransportRulesDisable = "transport-rules/disable";
    public const string TransportRulesTest = "transport-rules/test";

    public const string AcceptedDomainsList = "accepted-domains/list";
    public const string AcceptedDomainsNew = "accepted-domains/new";
    public const string AcceptedDomainsRemove = "accepted-domains/remove";

    public const string UsersList = "users/list";
    public const string UsersGet = "users/get";
    public const string UsersNew = "users/new";
    public const string UsersSet = "users/set";
    public const string UsersRemove = "users/remove";

    public const string TenantKeysList = "tenant-keys/list";
    public const string TenantKeysNew = "tenant-keys/new";
    public const string TenantKeysRetire = "tenant-keys/retire";

    public const string DkimKeysList = "dkim-keys/list";
    public const string DkimKeysNew = "dkim-keys/new";

    public const string ReportTraffic = "report/traffic";
}
