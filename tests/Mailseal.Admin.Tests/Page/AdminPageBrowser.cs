using Mailseal.Testing.Browsers;
using Microsoft.Playwright;

namespace Mailseal.Admin.Tests.Page;

/// <summary>The admin page in headless Chromium, signed in through its form, with the console's messages kept.</summary>
internal sealed class AdminPageBrowser : IAsyncDisposable
{
    private readonly Chromium _chromium;
    private readonly IBrowserContext _context;

    private AdminPageBrowser(Chromium chromium, IBrowserContext context, IPage page)
    {
        _chromium = chromium;
        _context = context;
        Page = page;
        Page.Console += (_, message) => ConsoleMessages.Add(message.Text);
    }

    public IPage Page { get; }

    public IBrowserContext Context => _context;

    public List<string> ConsoleMessages { get; } = [];

    public static async Task<AdminPageBrowser> SignInAsync(Uri adminAddress, string key)
    {
        var chromium = await Chromium.LaunchAsync();
        AdminPageBrowser? browser = null;
        try
        {
            var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
            browser = new AdminPageBrowser(chromium, context, await context.NewPageAsync());
            await browser.Page.GotoAsync(new Uri(adminAddress, "/admin").ToString());
            await browser.Page.FillAsync("#key", key);
            await browser.Page.ClickAsync("#sign-in");
            await browser.Page.WaitForSelectorAsync("#top-rules");
            return browser;
        }
        catch
        {
            await (browser?.DisposeAsync() ?? chromium.DisposeAsync());
            throw;
        }
    }

    /// <summary>A screenshot as tall as the page (FullPage would leave Chromium's sandboxed frames blank).</summary>
    public async Task ScreenshotAsync(string path)
    {
        var height = await Page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await Page.SetViewportSizeAsync(1100, height);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path });
    }

    public async ValueTask DisposeAsync()
    {
        await _context.DisposeAsync();
        await _chromium.DisposeAsync();
    }
}
