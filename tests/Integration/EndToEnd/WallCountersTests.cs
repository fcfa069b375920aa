using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Dashboard.Feed;
using CxLive.Tests.Integration.Support;
using Microsoft.Extensions.Time.Testing;
using static CxLive.Tests.Integration.Support.Interactions;
using static CxLive.Tests.Integration.Support.Wire;

namespace CxLive.Tests.Integration.EndToEnd;

/// <summary>
/// The walls' counters are pushed when alerts change, with no sequence number to notice a gap by:
/// a push that went missing must not leave a quiet wall's counters wrong for good.
/// </summary>
public sealed class WallCountersTests
{
    [Fact]
    public async Task A_wall_that_missed_the_last_counters_hears_them_again_though_nothing_changes()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var app = new CxLiveApp(clock: clock);
        using var http = app.CreateHttpClient();
        await using var first = await WallClient.ConnectAsync(app.BaseAddress);

        // One detractor: one alert, and the counters pushed for it.
        var survey = Make(NewCustomer(), clock.GetUtcNow().AddMinutes(-1), InteractionTypes.Survey, "survey/nps", score: 2, attributes: new() { ["scale"] = "nps" });
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("api/interactions", Body(survey))).StatusCode);
        // The partition reports its figures and the counters go out on timers of the app's clock.
        await Eventually.TrueAsync(async () =>
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            try
            {
                return Open(await first.Stats.Reader.ReadAsync(wait.Token)) >= 1;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(30), "the first wall hearing the counters of the new alert");

        // A wall that was not there for that push (as one whose push went missing): nothing changes
        // any more, yet within the refresh interval it hears the counters.
        await using var late = await WallClient.ConnectAsync(app.BaseAddress);
        clock.Advance(FeedRelay.StatsRefreshEvery);
        var heard = await late.Stats.Reader.ReadAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);
        Assert.Equal(1, Open(heard));
    }

    /// <summary>Alerts not resolved, as a wall adds them up: <c>openBySeverity</c>'s counts.</summary>
    private static int Open(System.Text.Json.JsonElement stats) => stats.GetProperty("openBySeverity").EnumerateObject().Sum(s => s.Value.GetInt32());
}
