using Mailseal.Admin.Tests.Infrastructure;
using Mailseal.Portal.PassCodes;

namespace Mailseal.Admin.Tests.Metrics;

/// <summary>
/// Runs alone (its collection disables parallelism): the gateway's and the portal's meters are process-wide, so a
/// message another test sends at the same time would be counted here too.
/// </summary>
[Collection(nameof(MetricsEndpointTests))]
[CollectionDefinition(nameof(MetricsEndpointTests), DisableParallelization = true)]
public sealed class MetricsEndpointTests
{
    [Fact]
    public async Task Metrics_AfterSealedMessageAndPassCodes_ShowCountersAndLatencies()
    {
        await using var nodes = await MailNodes.StartAsync();
        await using var admin = await AdminHost.StartAsync(nodes.DataDirectory, nodes.Outbox);
        using var client = admin.Client();
        var before = await client.GetStringAsync("/metrics");

        await nodes.SendOverSmtpAsync();
        var license = await nodes.SealAsync();
        var issue = await nodes.RequestPassCodeAsync(license);
        Assert.False(issue.RateLimited);
        await nodes.WaitForDeliveriesAsync(2);
        var check = await nodes.TryPassCodeAsync(license, "00000000");
        Assert.Equal(PassCodeOutcome.Rejected, check.Outcome);
        var after = await client.GetStringAsync("/metrics");

        string[] sealedOut = ["action=\"seal\"", "outcome=\"delivered\"", "direction=\"outbound\""];
        Assert.Equal(0, PrometheusText.Sum(before, "mailseal_gateway_messages_total", sealedOut));
        Assert.Equal(1, PrometheusText.Sum(after, "mailseal_gateway_messages_total", sealedOut));
        // The pass-code mail came in through Submission, to an outside recipient, and was not sealed again.
        Assert.Equal(1, PrometheusText.Sum(after, "mailseal_gateway_messages_total", "action=\"plain\"", "outcome=\"delivered\""));
        Assert.Equal(1, PrometheusText.Sum(after, "mailseal_portal_passcodes_total", "outcome=\"issued\""));
        Assert.Equal(1, PrometheusText.Sum(after, "mailseal_portal_passcodes_total", "outcome=\"sent\""));
        Assert.Equal(1, PrometheusText.Sum(after, "mailseal_portal_passcodes_total", "outcome=\"failed\""));
        Assert.Equal(0, PrometheusText.Sum(after, "mailseal_portal_passcodes_total", "outcome=\"locked\""));
        // The first scrape was a request: its duration is in the second.
        Assert.True(PrometheusText.Sum(after, "http_server_request_duration_seconds_count", "http_route=\"/metrics\"") >= 1);
        Assert.DoesNotContain(MailNodes.Recipient, after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(license.EnvelopeIdHex, after, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(MailNodes.SealingRule, after, StringComparison.OrdinalIgnoreCase);
    }
}
