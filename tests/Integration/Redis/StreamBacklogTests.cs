using CxLive.Dashboard.Operations;
using CxLive.Silo.Operations;
using CxLive.Tests.Integration.Support;

namespace CxLive.Tests.Integration.Redis;

/// <summary>The backlog gauges' question to Redis, before and after the stream exists.</summary>
public sealed class StreamBacklogTests(RedisServer redis) : IClassFixture<RedisServer>
{
    [Fact]
    public async Task A_stream_nobody_has_created_yet_has_no_backlog_rather_than_an_error()
    {
        var stream = "backlog-" + Guid.NewGuid().ToString("N")[..8];

        Assert.Equal(((long?)0, 0L), await ClusterGauges.BacklogAsync(redis.Db, stream, "cxlive"));

        await redis.Db.StreamCreateConsumerGroupAsync(stream, "cxlive", StackExchange.Redis.StreamPosition.Beginning, createStream: true);
        await redis.Db.StreamAddAsync(stream, "data", "{}");
        Assert.Equal(((long?)1, 0L), await ClusterGauges.BacklogAsync(redis.Db, stream, "cxlive"));
    }
}
