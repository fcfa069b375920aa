using System.Diagnostics;
using System.Net;
using CxLive.Contracts.Journeys;
using CxLive.Tests.Integration.Support;
using Xunit.Abstractions;
using static CxLive.Tests.Integration.Support.Interactions;

namespace CxLive.Tests.Integration.Redis;

/// <summary>
/// How soon a cluster of real silo processes, with CxLive's default membership settings, works again
/// after its silo is killed with <c>kill -9</c> and replaced, and what a clean stop leaves behind.
/// Bounds are generous for a loaded machine; the measured times are printed and recorded in docs/operations.md.
/// </summary>
[Collection(ProcessCollection.Name)]
public sealed class RecoveryTests(RedisServer redis, ITestOutputHelper output) : IClassFixture<RedisServer>
{
    private readonly string _service = "svc-" + Guid.NewGuid().ToString("N")[..8];
    private string Stream => _service + ":interactions";

    [Fact]
    public async Task A_killed_silo_replaced_on_a_new_address_is_ready_and_consuming_within_seconds()
    {
        var first = SiloProcess.WithDefaultMembership(SiloProcess.SettingsFor(redis, _service, Stream));
        var killed = await SiloProcess.StartAsync(first);
        await ConsumesAsync(killed);
        killed.Kill();
        await killed.DisposeAsync();

        var (ready, consuming) = await ReplaceAsync(SiloProcess.WithDefaultMembership(SiloProcess.SettingsFor(redis, _service, Stream)));
        output.WriteLine($"new address: ready {ready.TotalSeconds:0.0} s, consuming {consuming.TotalSeconds:0.0} s after kill -9");
        Assert.True(consuming < TimeSpan.FromSeconds(60), $"consuming only {consuming.TotalSeconds:0.0} s after kill -9");
    }

    [Fact]
    public async Task A_killed_silo_restarted_on_the_same_address_is_ready_and_consuming_within_seconds()
    {
        var settings = SiloProcess.WithDefaultMembership(SiloProcess.SettingsFor(redis, _service, Stream));
        var killed = await SiloProcess.StartAsync(settings);
        await ConsumesAsync(killed);
        killed.Kill();
        await killed.DisposeAsync();

        var (ready, consuming) = await ReplaceAsync(settings);
        output.WriteLine($"same address: ready {ready.TotalSeconds:0.0} s, consuming {consuming.TotalSeconds:0.0} s after kill -9");
        Assert.True(consuming < TimeSpan.FromSeconds(30), $"consuming only {consuming.TotalSeconds:0.0} s after kill -9");
    }

    [Fact]
    public async Task A_silo_stopped_cleanly_leaves_the_membership_at_once()
    {
        await using var staying = await SiloProcess.StartAsync(SiloProcess.WithDefaultMembership(SiloProcess.SettingsFor(redis, _service, Stream)));
        var leavingSettings = SiloProcess.WithDefaultMembership(SiloProcess.SettingsFor(redis, _service, Stream));
        await using var leaving = await SiloProcess.StartAsync(leavingSettings);
        var port = leavingSettings["Orleans:Endpoints:SiloPort"];
        await Eventually.TrueAsync(async () => await MemberStatusAsync(port) == "Active", TimeSpan.FromSeconds(30), "the second silo to be an active member");

        var took = await leaving.StopAsync(TimeSpan.FromSeconds(75));
        var status = await MemberStatusAsync(port);
        output.WriteLine($"stopped in {took.TotalSeconds:0.0} s; its membership entry then said {status}");
        Assert.Equal("Dead", status);
        Assert.Equal(HttpStatusCode.OK, (await staying.Http.GetAsync("health/ready")).StatusCode);
    }

    /// <summary>Starts the replacement at once and times it until ready, then until it counts a new entry.</summary>
    private async Task<(TimeSpan Ready, TimeSpan Consuming)> ReplaceAsync(Dictionary<string, string> settings)
    {
        var since = Stopwatch.GetTimestamp();
        await using var replacement = SiloProcess.Launch(settings);
        await Eventually.TrueAsync(async () => await StatusAsync(replacement, "health/ready") == HttpStatusCode.OK, TimeSpan.FromSeconds(120), "the replacement to be ready");
        var ready = Stopwatch.GetElapsedTime(since);
        await ConsumesAsync(replacement);
        return (ready, Stopwatch.GetElapsedTime(since));
    }

    private async Task ConsumesAsync(SiloProcess silo)
    {
        var customer = NewCustomer();
        await StreamTraffic.AddAsync(redis.Db, Stream, [Make(customer, DateTimeOffset.UtcNow, InteractionTypes.PageView)]);
        await Eventually.TrueAsync(
            async () => { try { return await StreamTraffic.InteractionCountAsync(silo.Http, customer) == 1; } catch (HttpRequestException) { return false; } },
            TimeSpan.FromSeconds(120),
            "the silo to consume a new stream entry");
    }

    private static async Task<HttpStatusCode?> StatusAsync(SiloProcess silo, string path)
    {
        try
        {
            return (await silo.Http.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null; // not listening yet
        }
    }

    /// <summary>The status Orleans wrote for the silo on <paramref name="siloPort"/> in the Redis membership table (its newest entry).</summary>
    private async Task<string?> MemberStatusAsync(string siloPort)
    {
        var entries = await redis.Db.HashGetAllAsync($"{_service}/members/{_service}");
        var mine = entries.Where(e => e.Name.ToString().Contains(":" + siloPort + ":", StringComparison.Ordinal)).OrderByDescending(e => e.Name.ToString()).FirstOrDefault();
        if (mine.Value.IsNull)
        {
            return null;
        }

        var status = System.Text.Json.Nodes.JsonNode.Parse(mine.Value.ToString())?["Status"];
        return status?.GetValueKind() == System.Text.Json.JsonValueKind.Number ? ((Orleans.Runtime.SiloStatus)status.GetValue<int>()).ToString() : status?.ToString();
    }
}
