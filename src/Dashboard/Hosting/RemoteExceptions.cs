using Orleans.Serialization;

namespace CxLive.Dashboard.Hosting;

/// <summary>
/// A failure in a silo reaches a web front with its type, so the front answers what the silo would
/// have: <c>503</c> + <c>Retry-After</c> while Redis does not answer. Orleans serializes an exception
/// only when its namespace is allowed (Microsoft, System, Azure by default): a
/// <c>StackExchange.Redis.RedisConnectionException</c> inside a grain call became "Could not find a
/// codec", a <c>500</c> on the front, and a readiness check that blamed the silos. Both ends register
/// this (the silo to send, the front's client to read).
/// </summary>
public static class RemoteExceptions
{
    public static IServiceCollection AddCxRemoteExceptions(this IServiceCollection services) =>
        services.Configure<ExceptionSerializationOptions>(o =>
        {
            o.SupportedNamespacePrefixes.Add("StackExchange.Redis");
            o.SupportedNamespacePrefixes.Add("CxLive");
        });
}
