using System.Globalization;
using System.Net;
using Mailseal.Admin.Hosting;
using Mailseal.Core.Administration;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Mailseal.Admin.Authentication;

/// <summary>
/// The one check of an admin key presented on the admin listener — the API's Bearer header, the page's Bearer header
/// and its sign-in form alike — so that wrong keys from one client address add up in one
/// <see cref="AdminKeyFailureLimiter"/> whichever way they came. While the address is over the limit no key is looked
/// at, a right one neither (answering it would let guessing go on at full speed).
/// </summary>
internal sealed class AdminKeyCheck(AdminApiKeyService keys, AdminKeyFailureLimiter failures)
{
    private const string BearerPrefix = "Bearer ";

    /// <summary>
    /// Checks a key typed into the admin page's sign-in form by the admin listener's client of <paramref name="context"/>
    /// (<c>AdminListener.ClientAddress</c>); off the listener there is no address to count against, so nothing is
    /// looked at.
    /// </summary>
    /// <param name="context">The request.</param>
    /// <param name="presented">The key as typed.</param>
    public Task<AdminKeyCheckResult> CheckAsync(HttpContext context, string presented)
    {
        ArgumentNullException.ThrowIfNull(context);
        return AdminListener.ClientAddress(context) is { } client
            ? CheckAsync(client, presented, context.RequestAborted)
            : Task.FromResult(new AdminKeyCheckResult(AdminKeyVerdict.Missing, null, TimeSpan.Zero));
    }

    /// <summary>Checks <paramref name="presented"/> (null when no key was presented) for <paramref name="client"/>.</summary>
    public async Task<AdminKeyCheckResult> CheckAsync(IPAddress client, string? presented, CancellationToken cancellationToken)
    {
        if (failures.RetryAfter(client) is { } retryAfter)
        {
            return new(AdminKeyVerdict.TooManyFailures, null, retryAfter);
        }

        if (presented is null)
        {
            return new(AdminKeyVerdict.Missing, null, TimeSpan.Zero);
        }

        var key = await keys.VerifyAsync(presented, cancellationToken);
        if (key is null)
        {
            failures.RecordFailure(client);
            return new(AdminKeyVerdict.Wrong, null, TimeSpan.Zero);
        }

        return new(AdminKeyVerdict.Accepted, key, TimeSpan.Zero);
    }

    /// <summary>The key of an "Authorization: Bearer &lt;key&gt;" header; null when there is no such header.</summary>
    public static string? BearerKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        string? header = request.Headers[HeaderNames.Authorization];
        return header is not null && header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            ? header[BearerPrefix.Length..].Trim()
            : null;
    }

    /// <summary>Sets Retry-After in whole seconds, rounded up so that a client waiting that long is let in.</summary>
    public static void SetRetryAfter(HttpResponse response, TimeSpan retryAfter)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Headers.RetryAfter = RetryAfterSeconds(retryAfter).ToString(CultureInfo.InvariantCulture);
    }

    public static long RetryAfterSeconds(TimeSpan retryAfter) => (long)Math.Ceiling(retryAfter.TotalSeconds);
}
