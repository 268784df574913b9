using Mailseal.Core.Administration;
using Mailseal.Core.Configuration;
using Mailseal.Core.Tracking;
using Mailseal.Storage.Tests.Infrastructure;
using Mailseal.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Storage.Tests.Administration;

public sealed class AdminServiceReportTests(PostgresTestDatabase postgres) : AdminServiceTestBase(postgres)
{
    private static readonly DateOnly Day = new(2026, 11, 2);

    [Theory, AllProviders]
    public async Task GetTrafficReportAsync_FiltersByDaysRuleAndDirection(StorageProvider provider)
    {
        var services = await OpenServicesAsync(provider);
        var admin = services.GetRequiredService<AdminService>();
        await services.GetRequiredService<ITrafficCounterStore>().IncrementAsync(
        [
            new TrafficCount(Day, "Encrypt", TrafficDirection.Outbound, TrafficAction.Sealed, 3),
            new TrafficCount(Day, "Encrypt", TrafficDirection.Internal, TrafficAction.Audited, 1),
            new TrafficCount(Day.AddDays(1), "Decrypt", TrafficDirection.Inbound, TrafficAction.Unsealed, 2),
            new TrafficCount(Day.AddDays(5), "Encrypt", TrafficDirection.Outbound, TrafficAction.Sealed, 7),
        ]);

        var all = await admin.GetTrafficReportAsync(new TrafficReportRequest { StartDate = Day, EndDate = Day.AddDays(1) });
        var outbound = await admin.GetTrafficReportAsync(new TrafficReportRequest
        {
            StartDate = Day, EndDate = Day.AddDays(9), RuleName = "Encrypt", Direction = TrafficDirection.Outbound,
        });
        var backwards = await Assert.ThrowsAsync<AdminValidationException>(() =>
            admin.GetTrafficReportAsync(new TrafficReportRequest { StartDate = Day, EndDate = Day.AddDays(-1) }));

        Assert.Equal(3, all.Count);
        Assert.Equal([3L, 7L], outbound.Select(r => r.Messages));
        Assert.Equal("EndDate", backwards.Field);
    }

    [Theory, AllProviders]
    public async Task ImportAsync_Applied_AuditedOnceDryRunNot(StorageProvider provider)
    {
        var admin = await OpenAdminAsync(provider);
        var document = new ConfigurationDocument
        {
            AcceptedDomains = [new Core.Organization.AcceptedDomain { DomainName = "contoso.com" }],
            DkimSelectors = [new DkimSelectorEntry { Domain = "contoso.com", Selector = "s1", KeySizeBits = 1024 }],
        };

        var planned = await admin.ImportAsync(document, dryRun: true, Actor);
        var afterDryRun = await admin.GetAuditLogAsync(10);
        var applied = await admin.ImportAsync(document, dryRun: false, Actor);
        var again = await admin.ImportAsync(document, dryRun: false, Actor);

        Assert.Equal(2, planned.Count);
        Assert.Empty(afterDryRun);
        Assert.Equal(planned, applied);
        Assert.Empty(again);
        Assert.Equal("s1._domainkey.contoso.com", Assert.Single(await admin.ListDkimKeysAsync()).DnsName);
        var record = Assert.Single(await admin.GetAuditLogAsync(10));
        Assert.Equal(("Import", "ConfigurationDocument"), (record.Operation, record.ObjectKind));
        Assert.Contains("dkimSelector", record.NewValue, StringComparison.Ordinal);
    }
}
