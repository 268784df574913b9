using Mailseal.Core.Branding;
using Mailseal.Protection.Branding;
using Mailseal.Storage;
using Mailseal.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mailseal.Protection.Tests.Branding;

public sealed class BrandingTemplateCacheTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private MailsealStorage _storage = null!;

    public async Task InitializeAsync()
    {
        _storage = MailsealStorage.Open(new StorageOptions { DataDirectory = _directory.Path }, NullLoggerFactory.Instance);
        await _storage.MigrateAsync();
    }

    [Fact]
    public async Task FindAsync_ChangedInTheStore_SeenOnlyAfterTheRefreshInterval()
    {
        var time = new FakeTimeProvider();
        var cache = new BrandingTemplateCache(_storage.Branding, time);
        await _storage.Branding.UpsertAsync(new OmeConfiguration("Legal", EmailText: "first"));
        Assert.Equal("first", (await cache.FindAsync("legal"))!.EmailText);

        await _storage.Branding.UpsertAsync(new OmeConfiguration("Legal", EmailText: "second"));
        var beforeRefresh = await cache.FindAsync("Legal");
        time.Advance(BrandingTemplateCache.RefreshInterval);
        var afterRefresh = await cache.FindAsync("Legal");

        Assert.Equal("first", beforeRefresh!.EmailText);
        Assert.Equal("second", afterRefresh!.EmailText);
    }

    [Fact]
    public async Task FindAsync_UnknownThenCreated_NullUntilTheRefreshInterval()
    {
        var time = new FakeTimeProvider();
        var cache = new BrandingTemplateCache(_storage.Branding, time);
        Assert.Null(await cache.FindAsync("New"));

        await _storage.Branding.UpsertAsync(new OmeConfiguration("New"));
        time.Advance(BrandingTemplateCache.RefreshInterval);

        Assert.NotNull(await cache.FindAsync("New"));
    }

    public Task DisposeAsync() => _storage.DisposeAsync().AsTask();

    public void Dispose() => _directory.Dispose();
}
