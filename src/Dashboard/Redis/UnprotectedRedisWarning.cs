using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>
/// A password in <c>ConnectionStrings:Redis</c> that Redis does not ask for: Redis without
/// <c>requirepass</c> answers the AUTH with an error the client shrugs off, so the process ran as if
/// protected while anyone who reached the port could read and change every customer. Once after
/// start, one connection without the password tries a PING; if Redis answers, the log says so.
/// </summary>
public sealed class UnprotectedRedisWarning(RedisConnection connection, ILogger<UnprotectedRedisWarning> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrEmpty(connection.Options.Password))
        {
            return; // no password given: nothing was promised (operations.md says how to set one)
        }

        var options = RedisConnection.OneTry(connection.Options, TimeSpan.FromSeconds(2));
        (options.Password, options.User) = (null, null);
        try
        {
            await using var probe = await ConnectionMultiplexer.ConnectAsync(options);
            await probe.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), stoppingToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException or OperationCanceledException)
        {
            return; // refused without it (NOAUTH), or not reachable now: nothing to say
        }

        logger.LogWarning("Redis at {Endpoints} answers without a password: the password in ConnectionStrings:Redis protects nothing. Set requirepass (or an ACL user) in redis.conf to the same password (docs/operations.md, \"Redis\")",
            string.Join(",", options.EndPoints));
    }
}
