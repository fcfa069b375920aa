using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// Debian's chromium driven by Playwright (never Playwright's own download: CI installs nothing but Debian packages), and one
/// CxLive app for the browser tests. Screenshots go to <c>TestResults/screenshots</c> as artifacts.
/// </summary>
/// <remarks>
/// The browser is Debian's <c>chromium-headless-shell</c>: Chromium's headless build, from the same
/// Debian source package and the same Blink, V8 and Skia as <c>chromium</c>, and the build Playwright
/// itself runs headless tests on. The full <c>chromium</c> in headless mode spent about 0.45 s of CPU on
/// every page it opened against the shell's 0.12 s: on CI's two busy cores its browser tests took
/// 3 min 30 s against 2 min 25 s for the same 64 (DashboardBrowserTests), and the pages drew the
/// same pixels (the screenshots compared side by side).
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium-headless-shell";

    private IPlaywright _playwright = null!;

    public IBrowser Browser { get; private set; } = null!;
    /// <summary>
    /// The shipped team, except that sam.taylor (who takes anything) only works in stores here: email prompts all go to wang.wei.
    /// "Store" as an operator may write it: the desk matches skills in any case, and the pages name it as they do "store".
    /// </summary>
    public CxLiveApp App { get; } = new(new Dictionary<string, string?> { ["Outreach:Agents:2:Skills:0"] = "Store" });

    public static string Screenshots { get; } = Directory.CreateDirectory(
        Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "TestResults", "screenshots")).FullName;

    public async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            throw new InvalidOperationException($"{Chromium} is missing: run ./test.sh, which installs the Debian package chromium-headless-shell");
        }

        _playwright = await Playwright.CreateAsync();
        Browser = await LaunchChromiumAsync(_playwright);
    }

    /// <summary>Debian's chromium, for this fixture and for a test that needs a browser of its own (behind nginx, say).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = Chromium,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>A fresh page (its own storage, so the language choice of one test never leaks into another).</summary>
    /// <param name="beforeLoad">Runs on the page before it loads (a test that drives the page's clock installs it here).</param>
    /// <param name="width">The window's size and the browser's language: a laptop, a 4 : 3 or a 1080p wall, Chinese.</param>
    public async Task<IPage> NewPageAsync(string path, CxLiveApp? app = null, Func<IPage, Task>? beforeLoad = null, int width = 1400, int height = 900, string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = locale });
        var page = await context.NewPageAsync();
        if (beforeLoad is not null)
        {
            await beforeLoad(page);
        }

        await page.GotoAsync(new Uri((app ?? App).BaseAddress, path).ToString());
        // Live pages say so once their hub is connected; insights is a report and says that from the start.
        await page.Locator("#connection:is([data-state=live], [data-state=report])").WaitForAsync(new() { Timeout = 15_000 });
        return page;
    }

    /// <summary>
    /// Closes every page still open. A live page left open goes on taking every push of the shared app
    /// and drawing it: by the end of a run some 125 of them had the two cores' load at 30, and tests of
    /// the interactive wall timed out waiting for a card. The browser tests are one collection and run
    /// one at a time, so whatever is open when a test ends is that test's.
    /// </summary>
    public Task CloseOpenPagesAsync() =>
        Task.WhenAll(Browser.Contexts.ToArray().Select(context => context.CloseAsync())); // every one, even past one whose close throws

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>A browser test: each ends by closing the pages it opened (<see cref="BrowserFixture.CloseOpenPagesAsync"/>).</summary>
public abstract class BrowserTest : IAsyncLifetime
{
    private HttpClient? _http;

    /// <summary>The collection's browser.</summary>
    protected abstract BrowserFixture Pages { get; }

    /// <summary>A client of the collection's app, for what the test sends and reads beside its pages.</summary>
    protected HttpClient Http => _http ??= Pages.App.CreateHttpClient();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        _http?.Dispose();
        return Pages.CloseOpenPagesAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}

