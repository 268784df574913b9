using System.Globalization;
using System.Net;

namespace Mailseal.Admin.Tests.Api;

/// <summary>Wrong admin API keys are limited per client address; valid keys never count.</summary>
public sealed class AdminKeyFailureLimitTests
{
    internal const string WrongKey = "msk_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    // A window far longer than any test, so that it cannot end half-way through one.
    internal static readonly Dictionary<string, string?> ThreeAnHour = new()
    {
        ["Admin:FailedKeyLimit"] = "3",
        ["Admin:FailedKeyWindow"] = "01:00:00",
    };

    [Fact]
    public async Task Post_WrongKeysPastLimit_TooManyRequestsWithRetryAfterEvenForValidKey()
    {
        await using var app = await AdminApiApp.StartAsync(ThreeAnHour);
        using var wrong = AdminApiApp.NewClient(app.AdminUri, WrongKey);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var refused = await app.PostAsync("users/list", null, wrong);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        using var limited = await app.PostAsync("users/list", null, wrong);
        using var validLimited = await app.PostAsync("users/list", null);

        foreach (var response in new[] { limited, validLimited })
        {
            await AdminApiAccessTests.AssertProblemAsync(response, HttpStatusCode.TooManyRequests, "too-many-failed-keys");
            var retryAfter = int.Parse(Assert.Single(response.Headers.GetValues("Retry-After")), CultureInfo.InvariantCulture);
            Assert.InRange(retryAfter, 1, 3600);
        }

        Assert.Contains(app.Logs.Lines, l => l.Contains(
            "Admin API request refused: too many failed API keys from this address, client 127.0.0.1", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Lines, l => l.Contains(WrongKey, StringComparison.Ordinal) || l.Contains(app.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_ValidKeysAndMissingKeys_NeverCountTowardLimit()
    {
        await using var app = await AdminApiApp.StartAsync(ThreeAnHour);
        using var wrong = AdminApiApp.NewClient(app.AdminUri, WrongKey);
        using var keyless = AdminApiApp.NewClient(app.AdminUri, key: null);

        await AssertStatusAsync(app, wrong, HttpStatusCode.Unauthorized, times: 2);
        await AssertStatusAsync(app, app.Client, HttpStatusCode.OK, times: 20);
        await AssertStatusAsync(app, keyless, HttpStatusCode.Unauthorized, times: 5);
        await AssertStatusAsync(app, app.Client, HttpStatusCode.OK, times: 1);
        await AssertStatusAsync(app, wrong, HttpStatusCode.Unauthorized, times: 1);
        await AssertStatusAsync(app, app.Client, HttpStatusCode.TooManyRequests, times: 1);
    }

    [Fact]
    public async Task Post_ElevenWrongKeysWithDefaults_EleventhTooManyRequests()
    {
        await using var app = await AdminApiApp.StartAsync();
        using var wrong = AdminApiApp.NewClient(app.AdminUri, WrongKey);

        await AssertStatusAsync(app, wrong, HttpStatusCode.Unauthorized, times: 10);
        await AssertStatusAsync(app, wrong, HttpStatusCode.TooManyRequests, times: 1);
    }

    private static async Task AssertStatusAsync(AdminApiApp app, HttpClient client, HttpStatusCode expected, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var response = await app.PostAsync("users/list", null, client);
            Assert.Equal(expected, response.StatusCode);
        }
    }
}
