using Mailseal.Admin.Tests.Infrastructure;
using Mailseal.Core.Branding;
using Mailseal.Core.Tracking;
using Mailseal.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Mailseal.Admin.Tests.Page;

/// <summary>
/// The admin host over a database with traffic counted for three rules over the last days, a second branding
/// template, and one admin API key.
/// </summary>
public sealed class AdminPageFixture : IAsyncLifetime, IDisposable
{
    public const string BusyRule = "Seal outside";
    public const string AuditRule = "Audit finance";
    public const string QuietRule = "Reject executables";
    public const string Template = "Contoso";
    public const string TemplateEmailText = "Contoso protects what you receive.";

    private readonly TempDirectory _temp = new();

    internal AdminHost Host { get; private set; } = null!;

    public string Key { get; private set; } = "";

    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>The counts seeded: busy rule sealed 5, 3 and 8 on the last three days, and so on.</summary>
    public IReadOnlyList<TrafficCount> Seeded => [
        new(Today.AddDays(-2), BusyRule, TrafficDirection.Outbound, TrafficAction.Sealed, 5),
        new(Today.AddDays(-1), BusyRule, TrafficDirection.Outbound, TrafficAction.Sealed, 3),
        new(Today, BusyRule, TrafficDirection.Outbound, TrafficAction.Sealed, 8),
        new(Today, BusyRule, TrafficDirection.Inbound, TrafficAction.Unsealed, 2),
        new(Today.AddDays(-1), AuditRule, TrafficDirection.Internal, TrafficAction.Audited, 4),
        new(Today, QuietRule, TrafficDirection.Outbound, TrafficAction.Rejected, 1),
    ];

    public async Task InitializeAsync()
    {
        Host = await AdminHost.StartAsync(_temp.Combine("data"), _temp.Combine("outbox"));
        await Host.Services.GetRequiredService<ITrafficCounterStore>().IncrementAsync([.. Seeded]);
        await Host.Services.GetRequiredService<IOmeConfigurationStore>().UpsertAsync(new OmeConfiguration(Template, EmailText: TemplateEmailText));
        Key = await Host.NewKeyAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public void Dispose() => _temp.Dispose();
}
