using System.Text;
using CxLive.Client;
using CxLive.Dashboard.Ingestion;
using CxLive.Tests.Integration.Support;
using StackExchange.Redis;

namespace CxLive.Tests.Integration.Client;

/// <summary>The client's Redis Streams transport against a real redis-server: what it appends is what CxLive's stream consumer reads.</summary>
public sealed class RedisTransportTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task Interactions_are_appended_to_CxLives_stream_one_json_entry_each_and_flushed_on_dispose()
    {
        var stream = "cxlive:interactions:" + Guid.NewGuid().ToString("N")[..8];
        var client = CxLiveClient.Create(new CxLiveClientOptions
        {
            Transport = CxTransportKind.Redis,
            RedisConfiguration = redis.ConnectionString,
            RedisStream = stream,
            LingerTime = TimeSpan.FromHours(1),
        });
        for (var i = 0; i < 3; i++)
        {
            await client.EnqueueAsync(new CxInteraction
            {
                CustomerId = "bob", Timestamp = DateTimeOffset.UtcNow, Channel = CxChannel.App, Touchpoint = "app/search", Type = CxTypes.Search, Score = 0,
            });
        }

        await client.DisposeAsync();

        var entries = await redis.Db.StreamRangeAsync(stream);
        Assert.Equal(3, entries.Length);
        var items = entries.Select(e => (string)e.Values.Single(v => v.Name == "data").Value!).ToList();
        var batch = BatchParser.ParseJson(Encoding.UTF8.GetBytes("[" + string.Join(",", items) + "]"), ItemRules.At(DateTimeOffset.UtcNow, new IngestionOptions()), 10);
        Assert.Empty(batch.Rejected);
        Assert.Equal(3, batch.Valid.Select(v => v.Id).Distinct().Count()); // ids made by the client
        Assert.Equal(3, client.Accepted);
    }

    [Fact]
    public async Task An_unreachable_Redis_is_retried_then_the_batch_is_reported()
    {
        var options = new CxLiveClientOptions { Transport = CxTransportKind.Redis, MaxAttempts = 2, InitialBackoff = TimeSpan.FromMilliseconds(1), LingerTime = TimeSpan.FromHours(1) };
        using var nowhere = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{FreePorts.Next()},abortConnect=false,connectTimeout=200,syncTimeout=500,asyncTimeout=500");
        await using var client = CxLiveClient.Create(options, nowhere);
        var retries = 0;
        client.Retrying += _ => retries++;

        var error = await Assert.ThrowsAsync<CxLiveException>(() => client.SendAsync([new CxInteraction
        {
            CustomerId = "bob", Timestamp = DateTimeOffset.UtcNow, Channel = CxChannel.App, Touchpoint = "app/search", Type = CxTypes.Search,
        }]));

        Assert.Contains("Redis could not be reached", error.Message);
        Assert.Equal(1, retries);
    }
}
