namespace CxLive.Dashboard.Redis;

/// <summary>
/// Redis did not take a write in time (unreachable, paused, failing over). The write may still
/// land later, so the caller is told to send it again, which ids make safe.
/// </summary>
public sealed class RedisUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
