using System.Net;
using Mailseal.Portal.Tests.EndToEnd;
using Mailseal.Portal.Tests.Infrastructure;
using Mailseal.Portal.Tests.Viewing;
using Mailseal.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using MimeKit;

namespace Mailseal.Portal.Tests.Attacks;

/// <summary>
/// POST /envelope is unauthenticated, so it must not be a way to fill memory: the same envelope posted 1,000 times
/// to a real `mailseal run` keeps one cache entry of its size, and the process's memory does not grow with the posts.
/// </summary>
public sealed class ArrivalMemoryTests
{
    private const int Posts = 1000;
    private const int WarmUpPosts = 200;

    [Fact]
    public async Task PostEnvelope_SameEnvelopeThousandTimes_OneCacheEntryAndMemoryDoesNotGrowWithPosts()
    {
        await using var mailseal = await MailsealProcess.StartAsync("--Portal:ArrivalsPerClient=100000");
        var message = EndToEndMessages.Figures($"memory-{Guid.NewGuid():N}@example.org");
        // A large attachment, so that keeping each post's envelope would show at once.
        ((Multipart)message.Body!).Add(ViewMessages.File("application", "octet-stream", "large.bin", new byte[512 * 1024]));
        var envelope = WrapperEnvelope.Bytes(await mailseal.SendForWrapperAsync(message));
        using var browser = new Browser(mailseal.CreateClient(), mailseal.PortalUrl.GetLeftPart(UriPartial.Authority));

        await PostAsync(browser, envelope, WarmUpPosts);
        var residentAfterWarmUp = mailseal.ResidentKib();
        await PostAsync(browser, envelope, Posts - WarmUpPosts);
        var residentAfterAll = mailseal.ResidentKib();
        await using var storage = MailsealStorage.Open(new StorageOptions { DataDirectory = mailseal.DataDirectory }, NullLoggerFactory.Instance);
        var cachedBytes = await storage.PreSessions.CachedBytesAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        Assert.Equal(envelope.Length, cachedBytes);
        // Keeping every envelope would add (Posts - WarmUpPosts) × its size; allow a quarter of that for the
        // garbage collector's slack, far below what a leak would show.
        var growthKib = residentAfterAll - residentAfterWarmUp;
        var leakKib = (long)(Posts - WarmUpPosts) * envelope.Length / 1024;
        Assert.True(growthKib < leakKib / 4, $"Resident memory grew by {growthKib} KiB over {Posts - WarmUpPosts} posts of {envelope.Length} bytes.");
    }

    private static async Task PostAsync(Browser browser, byte[] envelope, int count)
    {
        for (var i = 0; i < count; i++)
        {
            using var response = await browser.PostEnvelopeAsync(envelope);
            Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        }
    }
}
