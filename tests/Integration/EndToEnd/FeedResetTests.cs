using System.Text.Json;
using CxLive.Contracts.Alerts;
using CxLive.Tests.Integration.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace CxLive.Tests.Integration.EndToEnd;

/// <summary>
/// A client that hands back a position the server never reached heard another life of it (an
/// embedded process restarted without its state): the answer says <c>reset</c>, so the client drops
/// what it holds instead of waiting for changes numbered where it thinks it is.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FeedResetTests(AppFixture fixture)
{
    private static readonly Dictionary<int, long> Beyond = new() { [0] = long.MaxValue / 2 };

    private async Task<JsonElement> SubscribeAsync(string method, params object?[] arguments)
    {
        await using var hub = new HubConnectionBuilder().WithUrl(new Uri(fixture.App.BaseAddress, "hubs/cx")).Build();
        await hub.StartAsync();
        return await hub.InvokeCoreAsync<JsonElement>(method, arguments);
    }

    private static (bool Complete, bool Reset) Read(JsonElement resumed) => (resumed.GetProperty("complete").GetBoolean(), resumed.GetProperty("reset").GetBoolean());

    [Fact]
    public async Task A_position_ahead_of_the_server_is_answered_with_reset_on_every_subscription()
    {
        Assert.Equal((false, true), Read(await SubscribeAsync("SubscribeWall", Beyond)));
        Assert.Equal((false, true), Read(await SubscribeAsync("SubscribeAgent", "li.na", Beyond)));
        Assert.Equal((false, true), Read(await SubscribeAsync("SubscribeCustomer", PartitionZeroCustomer(), Beyond)));
    }

    [Fact]
    public async Task The_servers_own_position_handed_back_is_no_reset()
    {
        var first = await SubscribeAsync("SubscribeWall", [null]);
        Assert.Equal((true, false), Read(first));
        var position = first.GetProperty("position");
        var alerts = position.GetProperty("alerts").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetInt64());
        var prompts = position.GetProperty("prompts").EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetInt64());

        Assert.Equal((true, false), Read(await SubscribeAsync("SubscribeWall", alerts)));
        Assert.Equal((true, false), Read(await SubscribeAsync("SubscribeAgent", "li.na", prompts)));
    }

    /// <summary>A client that hands back the whole last feedPosition got SignalR's "Error binding arguments": each subscription now takes its own feed from it.</summary>
    [Fact]
    public async Task The_whole_feedPosition_handed_back_resumes_each_subscription_from_its_own_feed()
    {
        var none = new Dictionary<int, long>();
        Assert.Equal((false, true), Read(await SubscribeAsync("SubscribeWall", new { alerts = Beyond, prompts = none })));
        Assert.Equal((false, true), Read(await SubscribeAsync("SubscribeCustomer", PartitionZeroCustomer(), new { alerts = Beyond, prompts = none })));
        Assert.Equal((false, true), Read(await SubscribeAsync("SubscribeAgent", "li.na", new { alerts = none, prompts = Beyond })));

        var position = (await SubscribeAsync("SubscribeWall", [null])).GetProperty("position");
        Assert.Equal((true, false), Read(await SubscribeAsync("SubscribeWall", position)));
        Assert.Equal((true, false), Read(await SubscribeAsync("SubscribeAgent", "li.na", position)));
    }

    [Fact]
    public async Task A_position_in_another_shape_is_refused_with_what_to_send()
    {
        var list = await Assert.ThrowsAsync<HubException>(() => SubscribeAsync("SubscribeWall", new[] { 12, 7 }));
        Assert.Contains("after must be null on a first subscription, or what the last feedPosition said", list.Message);
        Assert.EndsWith("; got a list", list.Message);

        var named = await Assert.ThrowsAsync<HubException>(() => SubscribeAsync("SubscribeAgent", "li.na", new Dictionary<string, long> { ["zero"] = 5 }));
        Assert.EndsWith("; 'zero' is not a partition number", named.Message);

        var text = await Assert.ThrowsAsync<HubException>(() => SubscribeAsync("SubscribeWall", new { alerts = new Dictionary<string, string> { ["0"] = "12" } }));
        Assert.EndsWith("; alerts.0 is the text '12', not a position (a whole number from 0)", text.Message);
    }

    /// <summary>A customer whose alerts live in partition 0, the one <see cref="Beyond"/> names.</summary>
    private string PartitionZeroCustomer()
    {
        var partitions = fixture.App.Services.GetRequiredService<ClusterAlerts>().Partitions;
        return Enumerable.Range(0, 1000).Select(n => $"c-reset-{n}").First(c => AlertPartitions.Of(c, partitions) == 0);
    }
}
