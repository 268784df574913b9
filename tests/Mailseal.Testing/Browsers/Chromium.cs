using Microsoft.Playwright;

namespace Mailseal.Testing.Browsers;

/// <summary>
/// Debian's headless Chromium driven by Playwright. Tests that need a browser fail (never skip) when it is
/// missing, pointing at the README's test command, which installs it.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    // Without the network flags Chromium keeps trying to reach the internet from the test machine.
    private static readonly string[] Arguments =
    [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
    ];

    private readonly IPlaywright playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    /// <summary>Starts a headless Chromium; dispose it to stop the browser and Playwright's driver.</summary>
    /// <param name="extraArguments">More command-line switches, e.g. --ignore-certificate-errors-spki-list=….</param>
    public static async Task<Chromium> LaunchAsync(params string[] extraArguments)
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is missing at {ExecutablePath}. Run the test command from README.md, which installs "
                + "Debian's chromium package (apt-get install -y chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ExecutablePath,
                Headless = true,
                Args = [.. Arguments, .. extraArguments],
            });
            return new Chromium(playwright, browser);
        }
        catch
        {
            playwright.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.CloseAsync();
        playwright.Dispose();
    }
}
