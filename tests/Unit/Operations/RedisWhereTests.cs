using CxLive.Dashboard.Redis;
using StackExchange.Redis;

namespace CxLive.Tests.Unit.Operations;

/// <summary>Where a message says it looked for Redis: as the operator wrote it, not "Unspecified/redis:6379".</summary>
public sealed class RedisWhereTests
{
    [Theory]
    [InlineData("redis:6379,password=s3cret", "redis:6379")] // compose and Kubernetes name a host
    [InlineData("127.0.0.1:18599", "127.0.0.1:18599")]
    [InlineData("a.example:6379,b.example:6380", "a.example:6379,b.example:6380")]
    public void The_address_reads_as_it_was_written_and_without_its_password(string connectionString, string where) =>
        Assert.Equal(where, RedisConnection.Where(ConfigurationOptions.Parse(connectionString)));
}
