using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CxLive.Tests.Integration.Browser;

/// <summary>
/// The API reference page in chromium, as an integrator in a control room with no internet opens it:
/// everything it loads comes from CxLive, and it renders the API under the page's own
/// Content-Security-Policy (<see cref="Policy"/>, the one its path needs).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiReferenceBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest
{
    protected override BrowserFixture Pages => fixture;

    /// <summary>What /scalar needs beyond <c>default-src 'self'</c>: its inline start-up script and the styles it injects (no 'unsafe-eval').</summary>
    public const string Policy = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:";

    [Fact]
    public async Task The_reference_page_renders_the_api_with_nothing_from_elsewhere_under_its_policy()
    {
        var origin = fixture.App.BaseAddress.GetLeftPart(UriPartial.Authority);
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
        var elsewhere = new List<string>();
        await context.RouteAsync("**/*", async route =>
        {
            if (!route.Request.Url.StartsWith(origin, StringComparison.Ordinal))
            {
                elsewhere.Add(route.Request.Url);
                await route.AbortAsync();
                return;
            }

            if (new Uri(route.Request.Url).AbsolutePath == "/scalar/")
            {
                var response = await route.FetchAsync();
                var headers = new Dictionary<string, string>(response.Headers) { ["content-security-policy"] = Policy };
                await route.FulfillAsync(new() { Response = response, Headers = headers });
                return;
            }

            await route.ContinueAsync();
        });
        await context.AddInitScriptAsync("window.__violations = []; document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));");
        var page = await context.NewPageAsync();

        await page.GotoAsync(origin + "/scalar/");
        await page.GetByText("Send interactions: one JSON object, a JSON array, or NDJSON").First.WaitForAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.Screenshots, "api-reference.png") });

        var violations = await page.EvaluateAsync<string[]>("window.__violations");
        output.WriteLine("elsewhere: " + string.Join(", ", elsewhere));
        output.WriteLine("violations: " + string.Join(", ", violations));
        Assert.Empty(elsewhere);
        // The bundle probes for eval once; the policy blocks it and nothing the page shows depends on it.
        Assert.All(violations, v => Assert.Equal("script-src eval", v.Trim()));
        Assert.True(await page.GetByText("Real time (SignalR)").First.IsVisibleAsync());
    }
}
