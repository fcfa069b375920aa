using StackExchange.Redis;

namespace CxLive.Dashboard.Redis;

/// <summary>One multiplexer for the whole process: storage, membership, reminders and the streams share it.</summary>
public sealed class RedisConnection : IAsyncDisposable
{
    private readonly Lazy<Task<IConnectionMultiplexer>> _connection;

    public RedisConnection(string connectionString)
    {
        Options = ConfigurationOptions.Parse(connectionString);
        // Redis down at start must not fail the connection for good: keep reconnecting in the background.
        Options.AbortOnConnectFail = false;
        _connection = new(async () => await ConnectionMultiplexer.ConnectAsync(Options));
    }

    public ConfigurationOptions Options { get; }

    /// <summary>
    /// The addresses, as an operator wrote them: a host name's <c>DnsEndPoint.ToString()</c> is
    /// "Unspecified/redis:6379", and every shipped connection string names a host.
    /// </summary>
    public static string Where(ConfigurationOptions options) =>
        string.Join(",", options.EndPoints.Select(e => e is System.Net.DnsEndPoint dns ? $"{dns.Host}:{dns.Port}" : e.ToString()));

    /// <summary>Options for one quick try (a probe at start): a refusal fails it, within <paramref name="patience"/>, rather than retrying for ever.</summary>
    public static ConfigurationOptions OneTry(ConfigurationOptions options, TimeSpan patience)
    {
        var once = options.Clone();
        (once.AbortOnConnectFail, once.ConnectRetry, once.ConnectTimeout) = (true, 1, (int)patience.TotalMilliseconds);
        return once;
    }

    public Task<IConnectionMultiplexer> GetAsync() => _connection.Value;

    /// <summary>Whether Redis answers a PING within <paramref name="patience"/> (false when it is down, stalled or not yet connected).</summary>
    public async Task<bool> AnswersAsync(TimeSpan patience)
    {
        try
        {
            await (await _connection.Value.WaitAsync(patience)).GetDatabase().PingAsync().WaitAsync(patience);
            return true;
        }
        catch (Exception e) when (e is TimeoutException or RedisException or ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>For the Orleans providers' <c>CreateMultiplexer</c>: shared, so none of them closes it.</summary>
    public async Task<(IConnectionMultiplexer Multiplexer, bool IsShared)> ShareAsync() => (await _connection.Value, true);

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated)
        {
            await (await _connection.Value).DisposeAsync();
        }
    }
}
