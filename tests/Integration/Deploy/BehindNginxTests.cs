using System.Collections.Concurrent;
using System.Net;
using CxLive.Contracts.Alerts;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Security;
using CxLive.Tests.Integration.Browser;
using CxLive.Tests.Integration.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.Deploy;

/// <summary>
/// <c>deploy/nginx.conf</c> run by a real nginx before two web fronts and a silo, as
/// <c>deploy/compose.fronts.yaml</c> runs them: a supervisor signs in and watches the wall through it,
/// and an integrator posts through it, while the fronts are restarted one after the other.
/// </summary>
[Collection(SingleSiloProcessCollection.Name)]
public sealed class BehindNginxTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private const string Key = "cxk_behind-nginx-test-key";
    private const string Password = "s3cret-pass";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan AfterAStop = TimeSpan.FromSeconds(60);

    private Dictionary<string, string> SiloSettings(string service)
    {
        var settings = SiloProcess.SettingsFor(redis, service, service + ":interactions");
        settings.Remove("Security:Open");
        settings["Web:Enabled"] = "false"; // the fronts serve people and integrators; the silo only computes
        settings["Security:Users:0:Name"] = "zhang.min";
        settings["Security:Users:0:PasswordHash"] = PasswordHash.Of(Password);
        settings["Security:Users:0:Roles:0"] = "supervisor";
        settings["Security:ApiKeys:0:Name"] = "acme-web";
        settings["Security:ApiKeys:0:Sha256"] = ApiKeyHash.Of(Key);
        settings["Security:ApiKeys:0:RequestsPerSecond"] = "1000";
        return settings;
    }

    private static Dictionary<string, string> FrontSettings(Dictionary<string, string> silo)
    {
        var front = SiloProcess.FrontSettingsFor(silo);
        front.Remove("Web:Enabled");
        front["ASPNETCORE_FORWARDEDHEADERS_ENABLED"] = "true"; // as compose.fronts.yaml sets it behind nginx
        return front;
    }

    /// <summary>A line of the test's output with its time, to set beside the page's and nginx's.</summary>
    private void Say(string line) => output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.f} {line}");

    [Fact]
    public async Task A_supervisor_and_an_integrator_behind_the_shipped_nginx_lose_nothing_while_the_fronts_restart_one_by_one()
    {
        var service = "svc-" + Guid.NewGuid().ToString("N")[..8];
        var silo = SiloSettings(service);
        await using var computing = await SiloProcess.StartAsync(silo);
        Dictionary<string, string>[] frontSettings = [FrontSettings(silo), FrontSettings(silo)];
        var fronts = await SiloProcess.StartAllAsync(SiloProcess.Front, frontSettings);
        NginxServer? nginx = null;
        using var stop = new CancellationTokenSource();
        var traffic = Task.CompletedTask;
        try
        {
            nginx = await NginxServer.StartAsync("nginx-fronts.conf", fronts[0].BaseAddress, fronts[1].BaseAddress);
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await BrowserFixture.LaunchChromiumAsync(playwright);
            // She opens the address nginx serves, is sent to sign in, and comes back to a live wall:
            // the hub and the sign-in form pass the same-origin check through nginx's Host header.
            var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 } });
            var page = await context.NewPageAsync();
            // What the page says of its connection, for a failure's message (the hub's retries, a refusal).
            page.Console += (_, message) =>
            {
                try
                {
                    Say($"page: {message.Text}");
                }
                catch (InvalidOperationException)
                {
                    // the test has ended: nobody to tell
                }
            };
            await page.GotoAsync(nginx.BaseAddress.ToString());
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
            await page.FillAsync("#username", "zhang.min");
            await page.FillAsync("#password", Password);
            await page.ClickAsync("button[type=submit]");
            await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = 15_000 });

            // A browser that sends no Sec-Fetch-Site (Safari before 16.4) is told apart by its Origin,
            // checked against the Host nginx passes on: its own page's hub and sign-in pass, another's not.
            var cookie = string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}"));
            using var older = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = nginx.BaseAddress };
            async Task<HttpStatusCode> FromAsync(string origin, string path, HttpContent? body = null)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = body };
                request.Headers.Add("Origin", origin);
                request.Headers.Add("Cookie", cookie);
                return (await older.SendAsync(request)).StatusCode;
            }

            var own = nginx.BaseAddress.GetLeftPart(UriPartial.Authority);
            var other = $"http://127.0.0.1:{FreePorts.Next()}";
            Assert.Equal(HttpStatusCode.OK, await FromAsync(own, "hubs/cx/negotiate?negotiateVersion=1"));
            Assert.Equal(HttpStatusCode.Forbidden, await FromAsync(other, "hubs/cx/negotiate?negotiateVersion=1"));
            FormUrlEncodedContent SignIn() => new(new Dictionary<string, string> { ["username"] = "zhang.min", ["password"] = Password });
            Assert.Equal(HttpStatusCode.Redirect, await FromAsync(own, "login", SignIn()));
            Assert.Equal(HttpStatusCode.Forbidden, await FromAsync(other, "login", SignIn()));

            using var integrator = new HttpClient { BaseAddress = nginx.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
            integrator.DefaultRequestHeaders.Add("X-Api-Key", Key);

            // One detractor (on a touchpoint of its own, so no outage of the traffic's takes it in)
            // must reach her wall whichever front is down.
            // The page retries its hub at growing intervals, up to 10 s apart (hub.js): after a stop, on
            // a loaded machine, a full run's wall took over 20 s to be live again through nginx.
            async Task ReachesTheWallAsync(string when, TimeSpan? within = null)
            {
                var sending = System.Diagnostics.Stopwatch.StartNew();
                var customer = NewCustomer();
                var survey = Make(customer, DateTimeOffset.UtcNow, InteractionTypes.Survey, "survey/after-visit", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey };
                Assert.Equal(HttpStatusCode.Accepted, (await integrator.PostAsync("api/interactions", Body(survey))).StatusCode);
                await Assertions.Expect(page.Locator($".alert[data-customer='{customer}']")).ToBeVisibleAsync(new() { Timeout = (float)(within ?? Patience).TotalMilliseconds });
                Say($"on the wall {when}, {sending.Elapsed.TotalSeconds:0.0} s after it was sent");
            }

            await ReachesTheWallAsync("with both fronts up");
            // The wall shows the top 200 of what is open, and the traffic below opens 20 alerts a
            // second: a card that came a few seconds late after a stop was already past the 200th (a
            // full run's wall was live again and never showed it). She narrows it to the probes' touchpoint.
            await page.Locator("select[name=touchpoint]").SelectOptionAsync("survey/after-visit");

            // Traffic throughout: 2 detractors every 100 ms, each batch sent again after a refusal as
            // the ingest contract's clients do (a second later). nginx retries what a stopping front
            // refuses; what reaches the integrator is a 502 while nginx counts both fronts down: a
            // full run met it when the restarted front answered one 503 while the other was stopping.
            var answers = new ConcurrentQueue<(HttpStatusCode[] Statuses, string[] Customers)>();
            traffic = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    var surveys = Enumerable.Range(0, 2).Select(_ => Make(NewCustomer(), DateTimeOffset.UtcNow, InteractionTypes.Survey, "survey/nps", score: 1, attributes: new() { ["scale"] = "nps" }) with { Channel = Channel.Survey }).ToArray();
                    var statuses = new List<HttpStatusCode>();
                    while (statuses.Count < 30 && statuses.LastOrDefault() != HttpStatusCode.Accepted)
                    {
                        if (statuses.Count > 0)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(1)); // the client's wait before sending again
                        }

                        statuses.Add((await integrator.PostAsync("api/interactions", Body(surveys))).StatusCode);
                    }

                    answers.Enqueue(([.. statuses], [.. surveys.Select(s => s.CustomerId)]));
                    await Task.Delay(100); // the traffic's pace, not a wait for anything
                }
            });

            for (var i = 0; i < fronts.Length; i++)
            {
                Say($"stopping front {i + 1}");
                Say($"front {i + 1} stopped in {(await fronts[i].StopAsync(TimeSpan.FromSeconds(60))).TotalSeconds:0.0} s");
                await ReachesTheWallAsync($"with front {i + 1} down", AfterAStop);
                await fronts[i].DisposeAsync();
                fronts[i] = await SiloProcess.StartAsync(frontSettings[i], SiloProcess.Front);
                await ReachesTheWallAsync($"with front {i + 1} back", AfterAStop);

                // As the upgrade guide says, the next one stops only once nginx uses this one again:
                // nginx tries a process it saw down only after fail_timeout (5 s). Stopped sooner, it
                // has no process it will use and answers 502 ("no live upstreams"): a run of this test met it.
                var back = fronts[i];
                await Eventually.TrueAsync(async () => Metrics.Value(await Metrics.ScrapeAsync(back.Http), "cxlive_ingest_accepted_total", "") > 0,
                    Patience, $"nginx to send front {i + 1} requests again");
            }

            await stop.CancelAsync();
            await traffic;

            Assert.All(answers, answer => Assert.Equal(HttpStatusCode.Accepted, answer.Statuses[^1]));
            var sent = answers.SelectMany(a => a.Customers).ToHashSet();
            Say($"{sent.Count} detractors sent through nginx; {answers.Count(a => a.Statuses.Length > 1)} of {answers.Count} batches sent again ({string.Join(", ", answers.SelectMany(a => a.Statuses.SkipLast(1)).GroupBy(s => s).Select(g => $"{g.Count()} × {(int)g.Key}"))})");

            // Every one of them has its alert, read through nginx with her session.
            using var signedIn = new HttpClient { BaseAddress = nginx.BaseAddress };
            signedIn.DefaultRequestHeaders.Add("Cookie", cookie);
            var alerts = await Eventually.ResultAsync(
                async () => (await AllPagesAsync<Alert>(signedIn, "api/alerts?limit=500")).Select(a => a.CustomerId).OfType<string>().ToHashSet(),
                seen => sent.IsSubsetOf(seen),
                Patience,
                "every detractor's alert");
            Assert.Superset(sent, alerts);
        }
        catch
        {
            output.WriteLine("nginx error log:\n" + nginx?.ErrorLog);
            throw;
        }
        finally
        {
            // Whatever failed, nothing of this test goes on running: the traffic stops before nginx and the fronts do.
            await stop.CancelAsync();
            await traffic.ContinueWith(_ => { }, TaskScheduler.Default); // a failure of its own is the test's already, or nothing to report
            if (nginx is not null)
            {
                await nginx.DisposeAsync();
            }

            foreach (var front in fronts)
            {
                await front.DisposeAsync();
            }
        }
    }
}
