namespace CxLive.Dashboard.Redis;

/// <summary>
/// Redis mode, chosen by the connection string <c>ConnectionStrings:Redis</c>: grain state,
/// membership and reminders in Redis, Redis Streams ingestion, and HTTP ingestion that answers only
/// once the interactions are in the stream; web fronts join such a cluster as Orleans clients.
/// See docs/durability.md.
/// </summary>
public static class RedisMode
{
    public const string ConnectionName = "Redis";

    public static string? ConnectionString(IConfiguration configuration) => configuration.GetConnectionString(ConnectionName);
}
